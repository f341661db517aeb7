package dev.firebreak.daemon.http;

import dev.firebreak.connectors.push.PushConnector;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.InvalidMentionException;
import dev.firebreak.core.Mention;
import dev.firebreak.store.MentionStore;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.daemon.runtime.ConnectorRuntime;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.store.StateStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/** The HTTP API: health, readiness, the alert feed (JSON and SSE), push ingest and mention search. */
public final class HttpApi extends VerticleBase {
    private final String host;
    private final int port;
    private final StateStore state;
    private final MentionStore index;
    private final PipelineRunner pipeline;
    private final ConnectorRuntime runtime;
    private final PushConnector push;
    private final WebhookRoute webhooks;
    private final AnalysisStatus analysis;
    private final dev.firebreak.stories.StoryBook stories;
    private final dev.firebreak.daemon.alerting.AlertStage alertStage;
    private final dev.firebreak.daemon.alerting.RuleEditor ruleEditor;
    private final java.util.function.Supplier<java.util.List<String>> ruleProblems;
    private final dev.firebreak.daemon.auth.Auth auth;
    private HttpServer server;
    private dev.firebreak.delivery.ack.AckLinks ackLinks;
    private dev.firebreak.delivery.channels.Deliveries deliveries;
    private Router router;

    /** {@code push} is null when no push connector is configured: ingest then answers 404. */
    public HttpApi(String host, int port, StateStore state, MentionStore index, PipelineRunner pipeline,
                   ConnectorRuntime runtime, PushConnector push,
                   java.util.Map<String, dev.firebreak.connectors.douyin.DouyinWebhook> webhookReceivers,
                   AnalysisStatus analysis, dev.firebreak.stories.StoryBook stories,
                   dev.firebreak.daemon.alerting.AlertStage alertStage,
                   java.util.function.Supplier<java.util.List<String>> ruleProblems,
                   dev.firebreak.daemon.alerting.RuleEditor ruleEditor, dev.firebreak.daemon.auth.Auth auth) {
        this.auth = auth;
        this.ruleEditor = ruleEditor;
        this.alertStage = alertStage;
        this.ruleProblems = ruleProblems;
        this.analysis = analysis;
        this.stories = stories;
        this.host = host;
        this.port = port;
        this.state = state;
        this.index = index;
        this.pipeline = pipeline;
        this.runtime = runtime;
        this.push = push;
        this.webhooks = new WebhookRoute(webhookReceivers, state, pipeline);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        this.router = router;
        auth.mount(router);     // first: every /api route is behind it
        router.get("/health").handler(this::health);
        router.get("/ready").handler(this::ready);
        router.get("/api/analysis").handler(this::analysis);
        new StoryMentionsRoute(vertx, index).mount(router);
        new StoryRoutes(vertx, stories).mount(router);
        new LifecycleBatchRoute(pipeline, alertStage).mount(router);
        new AlertRoutes(vertx, pipeline, alertStage, index, ruleProblems).mount(router);
        new RuleRoutes(pipeline, ruleEditor).mount(router);
        if (ackLinks != null) new dev.firebreak.daemon.http.AckRoutes(vertx, pipeline, alertStage, state, ackLinks).mount(router);
        router.get("/api/alerts").handler(this::alerts);
        router.get("/api/alerts/stream").handler(new AlertStream(vertx, state)::handle);
        new MentionSearchRoutes(vertx, index).mount(router);
        router.get("/api/connectors").handler(this::connectors);
        int limit = push == null ? PushConnector.DEFAULT_MAX_BODY_BYTES : push.maxBodyBytes();
        // Two routes: Vert.x wants the body handler first on a route, and the size check must run before it.
        router.post("/api/ingest").handler(this::refuseOversized);
        router.post("/api/ingest").handler(BodyHandler.create().setBodyLimit(limit)).handler(this::ingest);
        router.post("/api/connectors/:id/webhook").handler(BodyHandler.create().setBodyLimit(PushConnector.DEFAULT_MAX_BODY_BYTES))
                .handler(webhooks::handle);
        ConsoleFiles.mount(router);
        if (deliveries != null) {
            new DeliveryRoutes(vertx, deliveries.service()).mount(router);
            new SubscriptionRoutes(vertx, deliveries.subscriptions()).mount(router);
        }
        router.route().failureHandler(this::failure);
        return vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> server = s);
    }

    /** Serves the acknowledge links of robot messages ({@code /ack/{token}}); set before deploying. */
    public HttpApi ackLinks(dev.firebreak.delivery.ack.AckLinks links) {
        this.ackLinks = links;
        return this;
    }

    /** Serves the delivery and subscription routes too (set before the verticle is deployed). */
    public HttpApi withDeliveries(dev.firebreak.delivery.channels.Deliveries d) {
        this.deliveries = d;
        return this;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /**
     * Every route with a method and a path, as "GET /api/alerts/:id/lifecycle", a prefix route as
     * "GET /console/*" (Vert.x reports only its prefix; the OpenAPI test walks them).
     */
    public java.util.SortedSet<String> routes() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (io.vertx.ext.web.Route r : router.getRoutes()) {
            if (r.methods() != null && r.getPath() != null) {
                String path = r.isExactPath() ? r.getPath() : r.getPath() + "*";
                r.methods().forEach(m -> out.add(m.name() + " " + path));
            }
        }
        return out;
    }

    private void health(RoutingContext ctx) {
        json(ctx, 200, new JsonObject().put("status", "up"));
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
            json(ctx, ok ? 200 : 503, new JsonObject().put("ready", ok)
                    .put("checks", new JsonObject().put("redis", redis.result()).put("index", idx.result())
                            .put("models", models).put("corenlp", analysis.models().corenlpState())));
        });
    }

    private void analysis(RoutingContext ctx) {
        json(ctx, 200, analysis.toJson());
    }

    private void alerts(RoutingContext ctx) {
        int limit = QueryParams.clampedInt(ctx, "limit", 50, 1, 1000);
        Future.fromCompletionStage(state.latestAlerts(limit), vertx.getOrCreateContext())
                .onSuccess(list -> json(ctx, 200, alertArray(list)))
                .onFailure(ctx::fail);
    }

    private void connectors(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(FirebreakJson.write(runtime.status()));
    }

    private void refuseOversized(RoutingContext ctx) {
        if (push == null) {
            error(ctx, 404, "push ingest is not enabled: add a connector of type push to the configuration");
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > push.maxBodyBytes()) {
            error(ctx, 413, "body is " + length + " bytes; the limit is " + push.maxBodyBytes());
            return;
        }
        ctx.next();
    }

    private void ingest(RoutingContext ctx) {
        List<Mention> mentions;
        try {
            mentions = push.decode(ctx.body().buffer());
        } catch (InvalidMentionException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        pipeline.submit(mentions)
                .onSuccess(o -> json(ctx, 200, new JsonObject().put("received", o.received()).put("indexed", o.indexed())
                        .put("duplicates", o.duplicates()).put("alerts", o.alerts())))
                .onFailure(err -> error(ctx, 503, "could not store the mentions, nothing was lost: retry ("
                        + err.getMessage() + ")"));
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String message = status == 413 ? "body is larger than the limit of " + push.maxBodyBytes() + " bytes"
                : ctx.failure() == null ? "request failed" : ctx.failure().getMessage();
        error(ctx, status, message);
    }

    private static JsonArray alertArray(List<RecordedAlert> list) {
        JsonArray out = new JsonArray();
        list.forEach(a -> out.add(new JsonObject(a.json()).put("seq", a.seq())));
        return out;
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        Replies.json(ctx, status, body);
    }

    private static void error(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            Replies.json(ctx, status, Replies.error(message));
        }
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
