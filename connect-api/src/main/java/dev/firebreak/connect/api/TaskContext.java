package dev.firebreak.connect.api;

import io.vertx.core.Vertx;
import java.time.InstantSource;

/**
 * What the runtime lends a poll task: the Vert.x instance to run on, the watchlist of open stories, and
 * the clock that schedules follow-ups (the system clock live; a test's own clock in tests).
 */
public record TaskContext(Vertx vertx, Watchlist watchlist, InstantSource clock) {
    public TaskContext(Vertx vertx, Watchlist watchlist) {
        this(vertx, watchlist, InstantSource.system());
    }

    public static TaskContext of(Vertx vertx) {
        return new TaskContext(vertx, Watchlist.NONE);
    }
}
