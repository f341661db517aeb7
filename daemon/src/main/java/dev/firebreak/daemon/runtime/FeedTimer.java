package dev.firebreak.daemon.runtime;

import io.vertx.core.Vertx;
import java.time.Duration;

/** When a feed loop polls next: Vert.x timers in the daemon, a hand-driven clock in tests. */
interface FeedTimer {
    /** Runs {@code action} (on an event loop) after {@code delay}; returns an id to cancel it. */
    long schedule(Duration delay, Runnable action);

    void cancel(long id);

    static FeedTimer of(Vertx vertx) {
        return new FeedTimer() {
            @Override
            public long schedule(Duration delay, Runnable action) {
                return vertx.setTimer(Math.max(1, delay.toMillis()), id -> action.run());
            }

            @Override
            public void cancel(long id) {
                vertx.cancelTimer(id);
            }
        };
    }
}
