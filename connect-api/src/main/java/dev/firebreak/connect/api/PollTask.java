package dev.firebreak.connect.api;

import io.vertx.core.Future;

/**
 * Polls one feed. A task only fetches: it does not store cursors, dedup or index. The runtime calls
 * {@link #poll} one at a time per feed, with the cursor it last saved (null: from the start).
 */
public interface PollTask {
    Future<PollResult> poll(String cursor);

    /** Stops an in-flight poll soon; a stopped poll may complete with no mentions. */
    void stop();
}
