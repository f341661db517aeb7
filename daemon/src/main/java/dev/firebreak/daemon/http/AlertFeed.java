package dev.firebreak.daemon.http;

import dev.firebreak.core.Alert;
import dev.firebreak.daemon.pipeline.AlertSink;
import dev.firebreak.store.RecordedAlert;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Puts each newly recorded alert on the event bus, where every open SSE stream picks it up. */
public final class AlertFeed implements AlertSink {
    public static final String ADDRESS = "firebreak.alerts";
    private final Vertx vertx;

    public AlertFeed(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void deliver(RecordedAlert recorded, Alert alert, long arrivalNanos) {
        vertx.eventBus().publish(ADDRESS, new JsonObject().put("seq", recorded.seq()).put("json", recorded.json()));
    }
}
