package dev.firebreak.connectors.douyin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's videos seen by the video feed in this run, shared with the comment and statistics
 * feeds of the same connector (each of those also keeps the videos it follows in its own cursor, so
 * a restart does not wait for the video feed to see them again).
 */
final class KnownVideos {
    private final Map<String, Long> created = new ConcurrentHashMap<>();

    void add(String itemId, long createTime) {
        created.put(itemId, createTime);
    }

    /** Newest first. */
    List<String> ids() {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(created.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    boolean contains(String itemId) {
        return created.containsKey(itemId);
    }
}
