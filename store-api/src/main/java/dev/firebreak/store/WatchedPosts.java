package dev.firebreak.store;

import java.util.Collection;
import java.util.concurrent.CompletionStage;

/** The posts of open stories that connectors follow (repost timelines, counters). */
public interface WatchedPosts {

    /** Marks posts as active in an open story now (wall time), so connectors follow them. */
    CompletionStage<Void> touchWatched(String platform, Collection<String> nativeIds, long nowMillis);

    /**
     * The posts of a platform touched since {@code sinceMillis}, most recent first, at most
     * {@code limit}: native id to the wall time (ms) it was last touched.
     */
    CompletionStage<java.util.LinkedHashMap<String, Long>> watched(String platform, long sinceMillis, int limit);
}
