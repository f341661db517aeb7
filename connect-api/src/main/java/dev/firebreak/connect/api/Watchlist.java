package dev.firebreak.connect.api;

import dev.firebreak.core.Platform;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * The posts in open stories, which connectors follow (reposts, counters) until the story cools. The
 * runtime keeps it: it adds a post when a repost, a comment or engagement shows it spreading, and
 * forgets it once nothing new has touched it for a while.
 */
public interface Watchlist {
    Watchlist NONE = platform -> Future.succeededFuture(List.of());

    /** A post of an open story: its native id and when the runtime last saw it move. */
    record WatchedPost(String nativeId, Instant lastActivity) { }

    /** The open posts of a platform, most recently active first. */
    Future<List<WatchedPost>> open(Platform platform);
}
