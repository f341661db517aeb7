package dev.firebreak.daemon.http;

import dev.firebreak.daemon.alerting.AlertSubscriber;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.store.RecordedAlert;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Puts each newly recorded alert on the event bus, where every open SSE stream picks it up. */
public final class AlertFeed implements AlertSubscriber {
    public static final String ADDRESS = "firebreak.alerts";
    private final Vertx vertx;

    public AlertFeed(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void published(RecordedAlert recorded, AlertVersion version) {
        vertx.eventBus().publish(ADDRESS, new JsonObject().put("seq", recorded.seq()).put("json", recorded.json()));
    }
}
