package dev.firebreak.daemon.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The agents' console: {@code /} is its page, {@code /console/*} its scripts and styles (from
 * {@code webroot/} in the jar), {@code /assets/echarts.min.js} the charting library from the ECharts
 * WebJar. Everything comes from the classpath: the page fetches nothing from the internet.
 */
final class ConsoleFiles {
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist";

    private ConsoleFiles() { }

    static void mount(Router router) {
        router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").sendFile("webroot/index.html"));
        router.get("/console/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        router.get("/assets/*").handler(StaticHandler.create(ECHARTS).setMaxAgeSeconds(86_400));
    }
}
