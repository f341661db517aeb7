package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/alerts/lifecycles?ids=a,b,c} → {@code {"lifecycles":{"a":{...},...}}}: the lifecycle
 * of each alert the console shows (who acknowledged, the assignee, a snooze), in one call instead of
 * one per card. Unknown ids are left out; at most 200 ids.
 */
public final class LifecycleBatchRoute implements RouteGroup {
    private static final int MAX_IDS = 200;
    private final PipelineRunner runner;
    private final AlertStage alerts;

    public LifecycleBatchRoute(PipelineRunner runner, AlertStage alerts) {
        this.runner = runner;
        this.alerts = alerts;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/alerts/lifecycles", Access.ALL, "the lifecycles of many alerts in one call"
                + " (the console's cards); unknown ids are left out", this::lifecycles));
    }

    private void lifecycles(RoutingContext ctx) {
        List<String> ids = Arrays.stream(ctx.request().getParam("ids", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.size() > MAX_IDS) {
            Replies.json(ctx, 400, Replies.error("ids: at most " + MAX_IDS + " at a time, got " + ids.size()));
            return;
        }
        runner.onWorker(() -> {
            JsonObject out = new JsonObject();
            for (String id : ids) {
                alerts.lifecycle(id).ifPresent(v -> out.put(id, new JsonObject(v.json())));
            }
            return new JsonObject().put("lifecycles", out);
        }).onSuccess(body -> Replies.json(ctx, 200, body)).onFailure(ctx::fail);
    }
}
