package dev.firebreak.connect.api;

import io.vertx.core.Vertx;

/** What the runtime lends a poll task: the Vert.x instance to run on and the watchlist of open stories. */
public record TaskContext(Vertx vertx, Watchlist watchlist) {
    public static TaskContext of(Vertx vertx) {
        return new TaskContext(vertx, Watchlist.NONE);
    }
}
