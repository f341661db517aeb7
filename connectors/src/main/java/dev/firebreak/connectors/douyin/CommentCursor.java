package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comment feed's cursor: the followed videos (by item_id) and where each stands, the video last
 * finished in this cycle ({@code last}; videos are visited in id order), the video whose comment scan
 * continues next poll ({@code current}), and whether this cycle has found anything new yet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CommentCursor(String last, String current, boolean newInCycle, Map<String, VideoThread> videos) {
    static final CommentCursor START = new CommentCursor(null, null, false, Map.of());

    CommentCursor {
        videos = videos == null ? Map.of() : new TreeMap<>(videos);
    }

    VideoThread thread(String itemId) {
        return videos.getOrDefault(itemId, VideoThread.FRESH);
    }

    CommentCursor with(String itemId, VideoThread thread, String last, String current, boolean newInCycle) {
        Map<String, VideoThread> next = new TreeMap<>(videos);
        next.put(itemId, thread);
        return new CommentCursor(last, current, newInCycle, next);
    }
}
