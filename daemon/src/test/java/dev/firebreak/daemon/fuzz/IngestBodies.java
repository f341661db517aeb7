package dev.firebreak.daemon.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile {@code POST /api/ingest} bodies. Every mention gets an id no other body uses, so what the daemon
 * says about a body can be checked in the index afterwards: {@link Body#keys} are the mentions whose key the
 * body still names (platform and id left alone); {@code exact} is false when the text was cut or spliced, so
 * an accepted body's content is not known.
 */
final class IngestBodies {
    record Body(String json, List<String> keys, int elements, boolean exact) { }

    private static final List<String> FIELDS = List.of("platform", "id", "kind", "text", "createdAt", "author", "parentId",
            "rootId", "url", "metrics", "author.id", "author.followers", "author.verified", "author.name",
            "metrics.likes", "metrics.reposts");

    private final Hostile h;
    private int next;

    IngestBodies(Hostile h) {
        this.h = h;
    }

    Body next() {
        int kind = h.below(20);
        int n = kind < 10 ? 1 : 1 + h.below(4);
        List<String> keys = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "fz" + next++;
            Map<String, String> m = good(id);
            Map<String, String> author = new LinkedHashMap<>(Map.of("id", "\"a" + id + "\"", "followers", "12"));
            Map<String, String> metrics = new LinkedHashMap<>(Map.of("likes", "3"));
            boolean keyIntact = true;
            for (int k = h.chance(25) ? 0 : 1 + h.below(2); k > 0; k--) {
                String field = h.pick(FIELDS);
                String value = h.chance(10) ? null : h.pick(Hostile.JSON_VALUES);
                keyIntact &= !field.equals("platform") && !field.equals("id");
                Map<String, String> target = field.startsWith("author.") ? author : field.startsWith("metrics.") ? metrics : m;
                String name = field.contains(".") ? field.substring(field.indexOf('.') + 1) : field;
                if (value == null) target.remove(name);
                else target.put(name, value);
            }
            m.putIfAbsent("author", object(author));
            if (m.get("author").equals("AUTHOR")) m.put("author", object(author));
            if ("METRICS".equals(m.get("metrics"))) m.put("metrics", object(metrics));
            objects.add(object(m));
            if (keyIntact) keys.add("weibo:" + id);
        }
        String json = n == 1 && kind < 10 ? objects.get(0) : "[" + String.join(",", objects) + "]";
        if (kind >= 17) {
            return new Body(h.mangle(json), keys, n, false);
        }
        if (kind == 16) {
            return new Body(json + json.replace("\"fz", "\"fy"), keys, n, false);   // two values back to back
        }
        return new Body(json, keys, n, true);
    }

    private static Map<String, String> good(String id) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("platform", "\"weibo\"");
        m.put("id", "\"" + id + "\"");
        m.put("kind", "\"post\"");
        m.put("text", "\"暖途客服太差了，退款拖了一个月 " + id + "\"");
        m.put("createdAt", "\"2026-11-20T10:15:00+08:00\"");
        m.put("author", "AUTHOR");
        m.put("metrics", "METRICS");
        return m;
    }

    private static String object(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return sb.append('}').toString();
    }
}
