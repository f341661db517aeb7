package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /metrics}: every series of the daemon's registry in Prometheus' text format (0.0.4).
 * Public, like {@code /health}: scrapers carry no token, and no series holds a secret (endpoints are
 * named by id, never URL); keep the port off the internet, as for {@code /ready}.
 */
public final class MetricsRoutes implements RouteGroup {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final HealthMetrics health;

    public MetricsRoutes(PrometheusMeterRegistry registry, HealthMetrics health) {
        this.registry = registry;
        this.health = health;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/metrics", Access.PUBLIC, "the daemon's metrics in Prometheus text format", this::scrape));
    }

    private void scrape(RoutingContext ctx) {
        health.refresh().onComplete(ar -> ctx.vertx().executeBlocking(registry::scrape).onComplete(text -> {
            if (ctx.response().ended()) {
                return;
            }
            if (text.failed()) {
                ctx.fail(text.cause());
                return;
            }
            ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(text.result());
        }));
    }
}
