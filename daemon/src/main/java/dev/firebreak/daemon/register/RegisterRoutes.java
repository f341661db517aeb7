package dev.firebreak.daemon.register;

import dev.firebreak.core.ChinaTime;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The 12315/12345 register: {@code GET /api/register?from=&to=&channel=} (JSON) and
 * {@code GET /api/register.csv} (the same lines as CSV). {@code from}/{@code to}: ISO-8601 times or
 * dates (a date is its day in China time; {@code to} a date includes that day); {@code channel}: 12315 or 12345.
 */
public final class RegisterRoutes implements RouteGroup {
    private final Vertx vertx;
    private final Register register;

    public RegisterRoutes(Vertx vertx, Register register) {
        this.vertx = vertx;
        this.register = register;
    }

    /** What a request asks for, or why it cannot be answered. */
    record Query(long from, long to, String channel) { }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/register", Access.ALL,
                        "mentions that came through (or were filed with) 12315 or 12345, with their incident and alert", this::json),
                Route.get("/api/register.csv", Access.ALL, "the 12315/12345 register as CSV", this::csv));
    }

    private void json(RoutingContext ctx) {
        Query q = query(ctx);
        if (q == null) return;
        vertx.executeBlocking(() -> register.list(q.from(), q.to(), q.channel()), false)
                .onSuccess(lines -> Replies.json(ctx, 200, new JsonObject().put("count", lines.size())
                        .put("entries", new JsonArray(FirebreakJson.write(lines)))))
                .onFailure(ctx::fail);
    }

    private void csv(RoutingContext ctx) {
        Query q = query(ctx);
        if (q == null) return;
        vertx.executeBlocking(() -> RegisterCsv.write(register.list(q.from(), q.to(), q.channel())), false)
                .onSuccess(text -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"register.csv\"").end(text))
                .onFailure(ctx::fail);
    }

    /** The query, or null once a 400 saying what is wrong has been sent. */
    private static Query query(RoutingContext ctx) {
        String channel = ctx.request().getParam("channel");
        if (channel != null && !channel.isBlank() && !RegisterEntry.HOTLINES.contains(channel)) {
            Replies.json(ctx, 400, Replies.error("channel: expected 12315 or 12345, got \"" + channel + "\""));
            return null;
        }
        try {
            long from = time(ctx.request().getParam("from"), false, Long.MIN_VALUE);
            long to = time(ctx.request().getParam("to"), true, Long.MAX_VALUE);
            if (from >= to) {
                Replies.json(ctx, 400, Replies.error("from: must be before to"));
                return null;
            }
            return new Query(from, to, channel == null || channel.isBlank() ? null : channel);
        } catch (IllegalArgumentException e) {
            Replies.json(ctx, 400, Replies.error(e.getMessage()));
            return null;
        }
    }

    private static long time(String text, boolean end, long fallback) {
        if (text == null || text.isBlank()) return fallback;
        String name = end ? "to" : "from";
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ChinaTime.ZONE).toInstant().toEpochMilli();
            }
            return text.endsWith("Z") ? Instant.parse(text).toEpochMilli() : OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected a date like 2026-11-20 or a time like 2026-11-20T10:00:00+08:00,"
                    + " got \"" + text + "\"");
        }
    }
}
