package dev.firebreak.rules.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and each value of a YAML document starts, by JSON pointer ({@code /rules/0/severity}),
 * so an error can name {@code line:col}.
 */
final class YamlPositions {
    private final Map<String, int[]> keys = new HashMap<>();
    private final Map<String, int[]> values = new HashMap<>();

    YamlPositions(String yaml) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                var loc = p.currentTokenLocation();
                int[] at = {loc.getLineNr(), loc.getColumnNr()};
                if (t == JsonToken.FIELD_NAME) {
                    keys.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), at);
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    pointer = p.getParsingContext().getParent() == null ? ""
                            : p.getParsingContext().getParent().pathAsPointer().toString();
                }
                values.putIfAbsent(pointer, at);
            }
        }
    }

    /** {@code {line, col}} of the value at this pointer, or of its nearest enclosing value. */
    int[] value(String pointer) {
        String p = pointer;
        while (true) {
            int[] found = values.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new int[] {1, 1};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** {@code {line, col}} of the key of the entry at this pointer, or of its value if it has no key. */
    int[] key(String pointer) {
        int[] found = keys.get(pointer);
        return found != null ? found : value(pointer);
    }

    /** A pointer one step down: {@code /rules/0} + {@code story.reach}, escaped as JSON pointers are. */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }
}
