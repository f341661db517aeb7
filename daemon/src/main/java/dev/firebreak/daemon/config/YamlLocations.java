package dev.firebreak.daemon.config;

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
 * Where each value of a YAML document starts, by JSON pointer ({@code /connectors/0/type}), for error
 * messages; and every key repeated in its mapping (which the tree reader would silently take the last of).
 */
final class YamlLocations {
    private final Map<String, String> lineCol = new HashMap<>();
    private final List<String> duplicates = new ArrayList<>();

    YamlLocations(String yaml) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t;
            Deque<Set<String>> keys = new ArrayDeque<>();
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    keys.push(new HashSet<>());
                } else if (t == JsonToken.END_OBJECT) {
                    keys.pop();
                }
                if (t == JsonToken.FIELD_NAME) {
                    if (!keys.peek().add(p.currentName())) {
                        var loc = p.currentTokenLocation();
                        String in = name(p.getParsingContext().getParent());
                        duplicates.add(loc.getLineNr() + ":" + loc.getColumnNr() + ": " + (in.isEmpty() ? "" : in + ": ")
                                + "duplicate key \"" + p.currentName() + "\"");
                    }
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

    /** Each repeated key as {@code line:col: path: duplicate key "name"} (no path at the top), in file order. */
    List<String> duplicates() {
        return duplicates;
    }

    /** The loader's name for the value a context is in: {@code connectors[0].keywords}, empty at the top. */
    private static String name(com.fasterxml.jackson.core.JsonStreamContext c) {
        StringBuilder out = new StringBuilder();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            out.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return out.length() > 0 && out.charAt(0) == '.' ? out.substring(1) : out.toString();
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
