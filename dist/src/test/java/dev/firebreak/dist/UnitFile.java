package dev.firebreak.dist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A systemd unit file: section to key to its values in order (a key may repeat). */
record UnitFile(Map<String, Map<String, List<String>>> sections) {

    static UnitFile parse(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), s -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq < 0) throw new AssertionError("not a unit file line: " + raw);
            current.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(line.substring(eq + 1).strip());
        }
        return new UnitFile(sections);
    }

    /** The one value of a key; fails when it is missing or set more than once. */
    String one(String section, String key) {
        List<String> values = sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
        if (values.size() != 1) throw new AssertionError("expected one " + key + "= in [" + section + "], found " + values);
        return values.get(0);
    }
}
