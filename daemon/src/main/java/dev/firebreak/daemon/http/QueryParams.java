package dev.firebreak.daemon.http;

import dev.firebreak.core.StorableTime;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reading query parameters. Paging is lenient: a missing or unreadable value is the default, others are
 * clamped. Times are strict: a bad one is an {@link IllegalArgumentException} the routes answer with 400.
 */
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

    /** Epoch millis of an ISO-8601 time with offset, {@code fallback} when absent or blank. */
    static long time(RoutingContext ctx, String name, long fallback) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) return fallback;
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected a time like 2026-11-20T10:00:00+08:00, got \"" + v + "\"");
        }
        if (!StorableTime.inRange(t)) {
            throw new IllegalArgumentException(name + ": the year must be from " + StorableTime.MIN_YEAR + " to " + StorableTime.MAX_YEAR
                    + ", got \"" + v + "\"");
        }
        return t.toInstant().toEpochMilli();
    }
}
