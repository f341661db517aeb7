package dev.firebreak.daemon.http;

import dev.firebreak.store.RecordedAlert;
import dev.firebreak.store.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/alerts/stream}: alerts as Server-Sent Events, each with its feed sequence number as
 * the event id. A client that reconnects with {@code Last-Event-ID} first gets every alert it missed,
 * from Redis, then the live ones; nothing is missed or sent twice across the seam.
 */
final class AlertStream {
    private static final int BACKLOG_PAGE = 500;
    private final Vertx vertx;
    private final StateStore state;

    AlertStream(Vertx vertx, StateStore state) {
        this.vertx = vertx;
        this.state = state;
    }

    void handle(RoutingContext ctx) {
        HttpServerResponse res = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        Session session = new Session(res);
        MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(AlertFeed.ADDRESS,
                msg -> session.live(msg.body().getLong("seq"), msg.body().getString("json")));
        long heartbeat = vertx.setPeriodic(15_000, id -> res.write(": keep-alive\n\n"));
        res.closeHandler(v -> {
            consumer.unregister();
            vertx.cancelTimer(heartbeat);
        });
        res.write("retry: 2000\n\n");
        Long resumeFrom = lastEventId(ctx);
        Future<Long> start = resumeFrom != null ? Future.succeededFuture(resumeFrom)
                : Future.fromCompletionStage(state.lastSeq(), vertx.getOrCreateContext());
        start.compose(session::catchUp).onFailure(err -> res.end("event: error\ndata: " + err.getMessage() + "\n\n"));
    }

    private static Long lastEventId(RoutingContext ctx) {
        String id = ctx.request().getHeader("Last-Event-ID");
        if (id == null) {
            id = ctx.request().getParam("lastEventId");
        }
        try {
            return id == null ? null : Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One client: live alerts wait in {@code pending} until the backlog has been written. */
    private final class Session {
        private final HttpServerResponse res;
        private final List<RecordedAlert> pending = new ArrayList<>();
        private long lastSent;
        private boolean caughtUp;

        Session(HttpServerResponse res) {
            this.res = res;
        }

        Future<Void> catchUp(long after) {
            lastSent = Math.max(lastSent, after);
            return Future.fromCompletionStage(state.alertsAfter(lastSent, BACKLOG_PAGE), vertx.getOrCreateContext())
                    .compose(page -> {
                        page.forEach(this::send);
                        if (page.size() == BACKLOG_PAGE) {
                            return catchUp(lastSent);
                        }
                        caughtUp = true;
                        pending.forEach(this::send);
                        pending.clear();
                        return Future.succeededFuture();
                    });
        }

        void live(long seq, String json) {
            RecordedAlert alert = new RecordedAlert(seq, json);
            if (caughtUp) {
                send(alert);
            } else {
                pending.add(alert);
            }
        }

        private void send(RecordedAlert alert) {
            if (alert.seq() <= lastSent || res.closed()) {
                return;
            }
            lastSent = alert.seq();
            res.write("id: " + alert.seq() + "\nevent: alert\ndata: " + alert.json() + "\n\n");
        }
    }
}
