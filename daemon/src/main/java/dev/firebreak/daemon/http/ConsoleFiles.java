package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;

/**
 * The agents' console: {@code /} is its page, {@code /console/*} its scripts and styles (from
 * {@code webroot/} in the jar), {@code /assets/echarts.min.js} the charting library from the ECharts
 * WebJar. Everything comes from the classpath: the page fetches nothing from the internet.
 */
public final class ConsoleFiles implements RouteGroup {
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist";

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/", Access.PUBLIC, "the console page", ConsoleFiles::page),
                Route.get("/console/*", Access.PUBLIC, "the console's scripts and styles",
                        StaticHandler.create("webroot").setCachingEnabled(false)),
                Route.get("/assets/*", Access.PUBLIC, "the ECharts library",
                        StaticHandler.create(ECHARTS).setMaxAgeSeconds(86_400)));
    }

    private static void page(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").sendFile("webroot/index.html");
    }
}
