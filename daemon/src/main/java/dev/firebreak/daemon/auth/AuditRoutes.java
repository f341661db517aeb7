package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.Replies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /api/audit?kind=admin|denied&limit=N}: the admin trail or the refused requests, newest first. */
final class AuditRoutes implements RouteGroup {
    private final AuditTrail audit;

    AuditRoutes(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/audit", Access.ADMIN,
                "admin changes (kind=admin) or refused requests (kind=denied), newest first", this::list));
    }

    private void list(RoutingContext ctx) {
        AuditTrail.Kind kind;
        int limit;
        try {
            kind = AuditTrail.Kind.parse(ctx.request().getParam("kind", "admin"));
            limit = limit(ctx.request().getParam("limit", "100"));
        } catch (IllegalArgumentException e) {
            Replies.json(ctx, 400, Replies.error(e.getMessage()));
            return;
        }
        Future.fromCompletionStage(audit.latest(kind, limit), ctx.vertx().getOrCreateContext())
                .onSuccess(list -> Replies.json(ctx, 200, new JsonObject().put("kind", kind.key())
                        .put("entries", new JsonArray(list))))
                .onFailure(ctx::fail);
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= AuditTrail.CAP) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("limit: expected a number from 1 to " + AuditTrail.CAP + ", got \"" + text + "\"");
    }
}
