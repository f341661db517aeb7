package dev.firebreak.daemon.http;

import io.vertx.ext.web.RoutingContext;

/** Lenient reading of paging parameters: a missing or unreadable value is the default, others are clamped. */
final class QueryParams {
    private QueryParams() { }

    static int clampedInt(RoutingContext ctx, String name, int fallback, int min, int max) {
        String v = ctx.request().getParam(name);
        try {
            return v == null ? fallback : Math.max(min, Math.min(max, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
