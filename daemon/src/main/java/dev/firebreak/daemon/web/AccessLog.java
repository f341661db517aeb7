package dev.firebreak.daemon.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per HTTP request on the {@code firebreak.access} logger, when its response ends: method,
 * route pattern ({@code /api/alerts/:id/ack}, never the path with its ids or query), status, duration
 * in ms and the user the token or session belongs to ({@code -} on public routes and refusals). Never a
 * header, a token or a cookie. The fields also travel as key-value pairs, so JSON lines carry them apart.
 */
public final class AccessLog implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger("firebreak.access");

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            if (!LOG.isInfoEnabled()) {
                return;
            }
            String method = ctx.request().method().name();
            String route = route(ctx);
            int status = ctx.response().getStatusCode();
            long ms = (System.nanoTime() - start) / 1_000_000;
            String user = CurrentUser.nameOr(ctx, "-");
            LOG.atInfo().addKeyValue("method", method).addKeyValue("route", route).addKeyValue("status", status)
                    .addKeyValue("durationMs", ms).addKeyValue("user", user)
                    .log("{} {} {} {} ms user={}", method, route, status, ms, user);
        });
        ctx.next();
    }

    /** The pattern of the route that answered; "-" when none matched (the 404 of an unknown path). */
    private static String route(RoutingContext ctx) {
        io.vertx.ext.web.Route r = ctx.currentRoute();
        if (r == null || r.getPath() == null) {
            return "-";
        }
        return r.isExactPath() ? r.getPath() : r.getPath() + "*";
    }
}
