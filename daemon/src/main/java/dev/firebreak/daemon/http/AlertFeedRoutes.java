package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.store.RecordedAlert;
import dev.firebreak.store.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The alert feed: {@code GET /api/alerts?limit=N} (newest first) and the live {@code /api/alerts/stream} (SSE). */
public final class AlertFeedRoutes implements RouteGroup {
    private final Vertx vertx;
    private final StateStore state;
    /** Adds each alert's service clocks to the list (null: served as stored). */
    private final dev.firebreak.daemon.serviceclock.FeedClocks clocks;

    public AlertFeedRoutes(Vertx vertx, StateStore state) {
        this(vertx, state, null);
    }

    public AlertFeedRoutes(Vertx vertx, StateStore state, dev.firebreak.daemon.serviceclock.FeedClocks clocks) {
        this.vertx = vertx;
        this.state = state;
        this.clocks = clocks;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/alerts", Access.ALL, "the latest alerts, newest first", this::latest),
                Route.get("/api/alerts/stream", Access.ALL, "the live feed as Server-Sent Events (Last-Event-ID resumes)",
                        new AlertStream(vertx, state)::handle));
    }

    private void latest(RoutingContext ctx) {
        int limit = QueryParams.clampedInt(ctx, "limit", 50, 1, 1000);
        Future.fromCompletionStage(state.latestAlerts(limit), vertx.getOrCreateContext())
                .compose(list -> clocks == null ? Future.succeededFuture(alertArray(list))
                        : vertx.executeBlocking(() -> clocks.decorate(alertArray(list)), false))
                .onSuccess(list -> Replies.json(ctx, 200, list))
                .onFailure(ctx::fail);
    }

    private static JsonArray alertArray(List<RecordedAlert> list) {
        JsonArray out = new JsonArray();
        list.forEach(a -> out.add(new JsonObject(a.json()).put("seq", a.seq())));
        return out;
    }
}
