package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.connect.api.HttpIngress;
import dev.firebreak.connect.api.WebhookReceiver;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.daemon.web.AccessTable;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.daemon.runtime.ConnectorRuntime;
import dev.firebreak.store.StateStore;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * The connectors: {@code GET /api/connectors} (each one's state and health) and the webhooks of those that
 * declare one ({@link HttpIngress#webhook}). Other connector paths are reserved for admins.
 */
public final class ConnectorRoutes implements RouteGroup {
    private final ConnectorRuntime runtime;
    private final WebhookRoute webhooks;

    /** @param webhooks the webhook receivers by connector id */
    public ConnectorRoutes(ConnectorRuntime runtime, Map<String, WebhookReceiver> webhooks, StateStore state,
                           PipelineRunner pipeline) {
        this.runtime = runtime;
        this.webhooks = new WebhookRoute(webhooks, state, pipeline);
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/connectors", Access.ALL, "each connector's state and health", this::status),
                // Open: the platform signs its own pushes, the receiver checks the signature; the body is the platform's own type.
                Route.post("/api/connectors/:id/webhook", Access.PUBLIC,
                        "events a platform pushes (Douyin); the platform's own signature is checked",
                        HttpIngress.DEFAULT_MAX_BODY_BYTES, webhooks::handle).takesAnyBody());
    }

    @Override
    public List<AccessTable.Entry> guards() {
        return List.of(RouteGroup.guard("GET", "/api/connectors/*", Access.ALL),
                RouteGroup.guard("*", "/api/connectors/*", Access.ADMIN));
    }

    private void status(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(FirebreakJson.write(runtime.status()));
    }
}
