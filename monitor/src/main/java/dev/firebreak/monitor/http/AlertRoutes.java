package dev.firebreak.monitor.http;

import dev.firebreak.monitor.alerting.AlertStage;
import dev.firebreak.monitor.pipeline.PipelineRunner;
import dev.firebreak.rules.lifecycle.InvalidTransitionException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * An alert's lifecycle over HTTP. {@code GET /api/alerts/{id}/lifecycle}: its state and audit trail;
 * {@code POST /api/alerts/{id}/ack} {@code {"by"}}, {@code /assign} {@code {"to","by"}},
 * {@code /resolve} {@code {"by","note"}}. Steps run on the pipeline's worker, after the batches
 * before them; a step the alert's state does not allow is a 409 that says why.
 */
final class AlertRoutes {
    private final PipelineRunner runner;
    private final AlertStage alerts;
    private final java.util.function.Supplier<java.util.List<String>> ruleProblems;

    AlertRoutes(PipelineRunner runner, AlertStage alerts, java.util.function.Supplier<java.util.List<String>> ruleProblems) {
        this.runner = runner;
        this.alerts = alerts;
        this.ruleProblems = ruleProblems;
    }

    void mount(Router router) {
        router.get("/api/alerts/:id/lifecycle").handler(this::lifecycle);
        router.get("/api/rules").handler(this::rules);
        router.post("/api/alerts/:id/*").handler(io.vertx.ext.web.handler.BodyHandler.create().setBodyLimit(64 * 1024));
        router.post("/api/alerts/:id/ack").handler(ctx -> act(ctx, AlertStage.Action.ACKNOWLEDGE, null));
        router.post("/api/alerts/:id/assign").handler(ctx -> act(ctx, AlertStage.Action.ASSIGN, "to"));
        router.post("/api/alerts/:id/resolve").handler(ctx -> act(ctx, AlertStage.Action.RESOLVE, "note"));
    }

    private void lifecycle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        runner.onWorker(() -> {
            var stored = alerts.lifecycle(id);
            if (stored.isEmpty()) return null;
            return new JsonObject().put("lifecycle", new JsonObject(stored.get().json()))
                    .put("audit", new JsonArray(alerts.audit(id).stream().map(JsonObject::new).toList()));
        }).onSuccess(body -> {
            if (body == null) reply(ctx, 404, error("no alert \"" + id + "\""));
            else reply(ctx, 200, body);
        }).onFailure(ctx::fail);
    }

    /** The rules in force (id, version, file) and why the folder's latest version was refused, if it was. */
    private void rules(RoutingContext ctx) {
        JsonArray list = new JsonArray();
        alerts.rules().rules().forEach(r -> list.add(new JsonObject().put("id", r.id()).put("version", r.version())
                .put("severity", r.severity().name()).put("file", r.file())));
        reply(ctx, 200, new JsonObject().put("rules", list).put("problems", new JsonArray(ruleProblems.get())));
    }

    private void act(RoutingContext ctx, AlertStage.Action action, String argumentField) {
        String id = ctx.pathParam("id");
        {
            JsonObject body;
            try {
                body = ctx.body().length() <= 0 ? new JsonObject() : ctx.body().buffer().toJsonObject();
            } catch (DecodeException | ClassCastException e) {
                reply(ctx, 400, error("the body is not a JSON object: " + e.getMessage()));
                return;
            }
            String by = body.getString("by");
            String argument = argumentField == null ? null : body.getString(argumentField);
            runner.onWorker(() -> alerts.act(id, action, by, argument, Instant.now()))
                    .onSuccess(l -> reply(ctx, 200, new JsonObject(l.toJson())))
                    .onFailure(e -> {
                        if (e instanceof NoSuchElementException) reply(ctx, 404, error(e.getMessage()));
                        else if (e instanceof InvalidTransitionException) reply(ctx, 409, error(e.getMessage()));
                        else if (e instanceof IllegalArgumentException) reply(ctx, 400, error(e.getMessage()));
                        else ctx.fail(e);
                    });
        }
    }

    private static JsonObject error(String message) {
        return new JsonObject().put("error", message);
    }

    private static void reply(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
