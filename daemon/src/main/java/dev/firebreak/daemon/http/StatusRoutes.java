package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.store.MentionStore;
import dev.firebreak.store.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Is the daemon up and ready: {@code /health}, {@code /ready} (Redis, the index, the models), {@code /api/analysis}. */
public final class StatusRoutes implements RouteGroup {
    private final Vertx vertx;
    private final StateStore state;
    private final MentionStore index;
    private final AnalysisStatus analysis;

    public StatusRoutes(Vertx vertx, StateStore state, MentionStore index, AnalysisStatus analysis) {
        this.vertx = vertx;
        this.state = state;
        this.index = index;
        this.analysis = analysis;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/health", Access.PUBLIC, "the process is up", this::health),
                Route.get("/ready", Access.PUBLIC, "Redis, the index and the models answer (503 when one does not)", this::ready),
                Route.get("/api/analysis", Access.ALL, "the scoring models and CoreNLP state", this::analysis));
    }

    private void health(RoutingContext ctx) {
        Replies.json(ctx, 200, new JsonObject().put("status", "up"));
    }

    private void ready(RoutingContext ctx) {
        Future<Boolean> redis = Future.fromCompletionStage(state.ping(), vertx.getOrCreateContext())
                .recover(e -> Future.succeededFuture(false));
        Future<Boolean> idx = vertx.executeBlocking(() -> {
            index.count();
            return true;
        }).recover(e -> Future.succeededFuture(false));
        Future.join(redis, idx).onComplete(ar -> {
            boolean models = analysis.ready();
            boolean ok = Boolean.TRUE.equals(redis.result()) && Boolean.TRUE.equals(idx.result()) && models;
            Replies.json(ctx, ok ? 200 : 503, new JsonObject().put("ready", ok)
                    .put("checks", new JsonObject().put("redis", redis.result()).put("index", idx.result())
                            .put("models", models).put("corenlp", analysis.models().corenlpState())));
        });
    }

    private void analysis(RoutingContext ctx) {
        Replies.json(ctx, 200, analysis.toJson());
    }
}
