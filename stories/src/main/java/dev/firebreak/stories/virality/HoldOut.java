package dev.firebreak.stories.virality;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic held-out part: per source, the {@code round(0.3 n)} cascades whose ids have the
 * smallest 64-bit FNV-1a hash (of the id's UTF-8 bytes, unsigned; ties by id). Never used for fitting.
 */
final class HoldOut {
    static final double SHARE = 0.3;

    private HoldOut() { }

    static Set<String> ids(List<Cascade> cascades) {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        for (Cascade c : cascades) bySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c.id());
        Set<String> held = new HashSet<>();
        for (List<String> ids : bySource.values()) {
            ids.sort(Comparator.comparing((String id) -> fnv1a(id), Long::compareUnsigned).thenComparing(id -> id));
            held.addAll(ids.subList(0, (int) Math.round(SHARE * ids.size())));
        }
        return held;
    }

    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
