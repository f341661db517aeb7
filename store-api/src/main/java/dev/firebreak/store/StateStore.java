package dev.firebreak.store;

import java.util.concurrent.CompletionStage;

/**
 * The shared hot state of Firebreak: feed cursors, which mentions were already processed, and the
 * alert feed, the posts of open stories and their counters. Everything Redis does for us goes through this interface and nothing else.
 */
public interface StateStore extends CursorStore, SeenIds, AlertFeed, WatchedPosts, Observations, DeliveryIds, StoryLinks,
        AutoCloseable {
    CompletionStage<Boolean> ping();

    @Override
    void close();
}
