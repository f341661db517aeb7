package dev.firebreak.rules.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each key and each value of a YAML document starts, by JSON pointer ({@code /rules/0/severity}),
 * so an error can name {@code line:col}; and every key repeated in its mapping.
 */
final class YamlPositions {
    private final Map<String, int[]> keys = new HashMap<>();
    private final Map<String, int[]> values = new HashMap<>();
    private final List<Duplicate> duplicates = new ArrayList<>();

    /** A key given twice in one mapping: where the second one is, the mapping's name ({@code rules[0]}), the key. */
    record Duplicate(int[] at, String in, String key) { }

    YamlPositions(String yaml) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t;
            Deque<Set<String>> seen = new ArrayDeque<>();
            while ((t = p.nextToken()) != null) {
                var loc = p.currentTokenLocation();
                int[] at = {loc.getLineNr(), loc.getColumnNr()};
                if (t == JsonToken.START_OBJECT) {
                    seen.push(new HashSet<>());
                } else if (t == JsonToken.END_OBJECT) {
                    seen.pop();
                }
                if (t == JsonToken.FIELD_NAME) {
                    if (!seen.peek().add(p.currentName())) {
                        duplicates.add(new Duplicate(at, name(p.getParsingContext().getParent()), p.currentName()));
                    }
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

    /** Every repeated key, in file order. */
    List<Duplicate> duplicates() {
        return duplicates;
    }

    /** The loader's name for the value a context is in: {@code rules[0].when}, empty at the top. */
    private static String name(com.fasterxml.jackson.core.JsonStreamContext c) {
        StringBuilder out = new StringBuilder();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            out.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return out.length() > 0 && out.charAt(0) == '.' ? out.substring(1) : out.toString();
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
