package dev.firebreak.daemon.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Where each value of a YAML document starts, by JSON pointer ({@code /connectors/0/type}), for error messages. */
final class YamlLocations {
    private final Map<String, String> lineCol = new HashMap<>();

    YamlLocations(String yaml) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    continue;
                }
                var loc = p.currentTokenLocation();
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    pointer = p.getParsingContext().getParent() == null ? ""
                            : p.getParsingContext().getParent().pathAsPointer().toString();
                }
                lineCol.putIfAbsent(pointer, loc.getLineNr() + ":" + loc.getColumnNr());
            }
        }
    }

    /** {@code line:col} of the value at this pointer, or of its nearest enclosing value. */
    String at(String pointer) {
        String p = pointer;
        while (true) {
            String found = lineCol.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return "1:1";
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
