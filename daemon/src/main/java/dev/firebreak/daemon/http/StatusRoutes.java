package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Is the daemon up and ready: {@code /health}, {@code /ready} (Redis, the index, the models), {@code /api/analysis},
 * and the admin's acknowledgement that the index was lost. {@code /ready} never waits on Redis: its state
 * is the last health PING's, so it answers at once during an outage ("Redis is down ...").
 */
public final class StatusRoutes implements RouteGroup {
    /** The index's state: what makes it unusable now (empty when fine), and the acknowledgement of a loss at start. */
    public interface IndexHealth {
        Optional<String> problem() throws Exception;

        void acknowledgeLoss();
    }

    private final Vertx vertx;
    private final Supplier<Optional<String>> redis;
    private final IndexHealth index;
    private final AnalysisStatus analysis;

    public StatusRoutes(Vertx vertx, Supplier<Optional<String>> redis, IndexHealth index, AnalysisStatus analysis) {
        this.vertx = vertx;
        this.redis = redis;
        this.index = index;
        this.analysis = analysis;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/health", Access.PUBLIC, "the process is up", this::health),
                Route.get("/ready", Access.PUBLIC, "Redis, the index and the models answer (503 saying which does not)", this::ready),
                Route.get("/api/analysis", Access.ALL, "the scoring models and CoreNLP state", this::analysis),
                Route.post("/api/admin/index/acknowledge-loss", Access.ADMIN,
                        "accept that the index found missing at start begins empty, so /ready no longer waits for it",
                        this::acknowledgeLoss));
    }

    private void health(RoutingContext ctx) {
        Replies.json(ctx, 200, new JsonObject().put("status", "up"));
    }

    private void ready(RoutingContext ctx) {
        Optional<String> redisProblem = redis.get();
        Callable<Optional<String>> check = index::problem;
        Future<Optional<String>> idx = vertx.executeBlocking(check, false)
                .recover(e -> Future.succeededFuture(Optional.of("the index cannot be checked: " + e.getMessage())));
        idx.onComplete(ar -> {
            Optional<String> indexProblem = ar.result();
            boolean models = analysis.ready();
            boolean ok = redisProblem.isEmpty() && indexProblem.isEmpty() && models;
            JsonObject checks = new JsonObject().put("redis", redisProblem.orElse("ok")).put("index", indexProblem.orElse("ok"))
                    .put("models", models).put("corenlp", analysis.models().corenlpState());
            Replies.json(ctx, ok ? 200 : 503, new JsonObject().put("ready", ok).put("checks", checks));
        });
    }

    private void analysis(RoutingContext ctx) {
        Replies.json(ctx, 200, analysis.toJson());
    }

    private void acknowledgeLoss(RoutingContext ctx) {
        index.acknowledgeLoss();
        Replies.json(ctx, 200, new JsonObject().put("acknowledged", true));
    }
}
