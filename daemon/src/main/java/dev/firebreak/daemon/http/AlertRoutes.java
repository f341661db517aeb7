package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.rules.lifecycle.InvalidTransitionException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.List;

/**
 * An alert's lifecycle over HTTP. {@code GET /api/alerts/{id}/lifecycle}: its state and audit trail;
 * {@code POST /api/alerts/{id}/ack} {@code {"by"}}, {@code /assign} {@code {"to","by"}},
 * {@code /resolve} {@code {"by","note"}}, {@code /snooze} {@code {"for":"1h","by"}} (1 min to 7 days). Steps run on the pipeline's worker, after the batches
 * before them; a step the alert's state does not allow is a 409 that says why.
 */
public final class AlertRoutes implements RouteGroup {
    private static final int STEP_BODY = 64 * 1024;
    private final PipelineRunner runner;
    private final AlertStage alerts;
    private final java.util.function.Supplier<java.util.List<String>> ruleProblems;

    private final dev.firebreak.store.MentionStore index;
    private final io.vertx.core.Vertx vertx;

    public AlertRoutes(io.vertx.core.Vertx vertx, PipelineRunner runner, AlertStage alerts, dev.firebreak.store.MentionStore index,
                java.util.function.Supplier<java.util.List<String>> ruleProblems) {
        this.vertx = vertx;
        this.index = index;
        this.runner = runner;
        this.alerts = alerts;
        this.ruleProblems = ruleProblems;
    }

    @Override
    public List<Route> routes() {
        // A body handler on each step's own route (not one on /:id/*), so every route is an operation.
        return List.of(Route.get("/api/alerts/:id/lifecycle", Access.ALL, "an alert's state and audit trail", this::lifecycle),
                Route.get("/api/rules", Access.ALL,
                        "the rules in force and why the folder's latest version was refused, if it was", this::rules),
                Route.get("/api/silences", Access.ALL, "the silences in force", this::silences),
                Route.post("/api/silences", Access.ADMIN, "add a silence", 16 * 1024, this::silence),
                Route.delete("/api/silences/:id", Access.ADMIN, "end a silence", this::unsilence),
                Route.post("/api/rules/backtest", Access.ADMIN, "the rules in force over the last \"since\" of the index", 4096,
                        this::backtest),
                Route.post("/api/alerts/:id/ack", Access.AGENT, "acknowledge; \"by\" defaults to the caller", STEP_BODY,
                        this::acknowledge),
                Route.post("/api/alerts/:id/assign", Access.AGENT, "assign to a person; \"by\" defaults to the caller",
                        STEP_BODY, this::assign),
                Route.post("/api/alerts/:id/resolve", Access.AGENT, "resolve with a note; \"by\" defaults to the caller",
                        STEP_BODY, this::resolve),
                Route.post("/api/alerts/:id/snooze", Access.AGENT, "put an alert aside for a while (1 minute to 7 days);"
                        + " the state stays, escalation waits, a later step ends it", STEP_BODY, this::snooze));
    }

    private void acknowledge(RoutingContext ctx) {
        act(ctx, AlertStage.Action.ACKNOWLEDGE, null);
    }

    private void assign(RoutingContext ctx) {
        act(ctx, AlertStage.Action.ASSIGN, "to");
    }

    private void resolve(RoutingContext ctx) {
        act(ctx, AlertStage.Action.RESOLVE, "note");
    }

    private void snooze(RoutingContext ctx) {
        act(ctx, AlertStage.Action.SNOOZE, "for");
    }

    private void lifecycle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        runner.onWorker(() -> {
            var stored = alerts.lifecycle(id);
            if (stored.isEmpty()) return null;
            return new JsonObject().put("lifecycle", new JsonObject(stored.get().json()))
                    .put("audit", new JsonArray(alerts.audit(id).stream().map(JsonObject::new).toList()));
        }).onSuccess(body -> {
            if (body == null) Replies.json(ctx, 404, Replies.error("no alert \"" + id + "\""));
            else Replies.json(ctx, 200, body);
        }).onFailure(ctx::fail);
    }

    /**
     * The rules in force (id, version, file), what each did since the daemon started ({@code counts}: matched,
     * owned, joined, updates, muted by what) and why the folder's latest version was refused, if it was.
     */
    private void rules(RoutingContext ctx) {
        JsonArray list = new JsonArray();
        java.util.Map<String, Object> counts = new java.util.HashMap<>();
        alerts.ruleCounts().forEach(c -> counts.put(c.ruleId(), c));
        for (var r : alerts.rules().rules()) {
            JsonObject c = new JsonObject(dev.firebreak.core.FirebreakJson.write(counts.getOrDefault(r.id(),
                    new dev.firebreak.daemon.alerting.RuleCounts.Counts(r.id(), 0, 0, 0, 0, List.of()))));
            c.remove("ruleId");
            list.add(new JsonObject().put("id", r.id()).put("version", r.version())
                    .put("severity", r.severity().name()).put("file", r.file()).put("counts", c));
        }
        Replies.json(ctx, 200, new JsonObject().put("rules", list).put("problems", new JsonArray(ruleProblems.get())));
    }

    private void silences(RoutingContext ctx) {
        Replies.json(ctx, 200, new JsonObject().put("silences",
                new JsonArray(dev.firebreak.core.FirebreakJson.write(alerts.silences()))));
    }

    /**
     * {@code POST /api/silences {"match","ruleId","reason","creator","expiresIn":"2h"}} (or
     * {@code "expiresAt"}); {@code id} is made up when not given. A reminder goes on the feed an hour
     * before it ends.
     */
    private void silence(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().buffer().toJsonObject();
        } catch (RuntimeException e) {
            Replies.json(ctx, 400, Replies.error("the body is not a JSON object"));
            return;
        }
        Instant now = Instant.now();
        dev.firebreak.rules.model.Silence s;
        try {
            Instant expires = body.getString("expiresAt") != null ? Instant.parse(body.getString("expiresAt"))
                    : now.plusSeconds(durationSeconds(body.getString("expiresIn")));
            if (body.getString("creator") == null) {   // the signed-in user made it, unless the body names someone
                body.put("creator", dev.firebreak.daemon.web.CurrentUser.nameOr(ctx, null));
            }
            for (String field : new String[] {"reason", "creator"}) {
                if (body.getString(field) == null || body.getString(field).isBlank()) {
                    throw new IllegalArgumentException(field + ": a silence needs one");
                }
            }
            s = new dev.firebreak.rules.model.Silence(body.getString("id", "s-" + Long.toString(now.toEpochMilli(), 36)),
                    body.getString("match"), body.getString("ruleId"), body.getString("reason"), body.getString("creator"),
                    now, expires);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException | ClassCastException e) {
            Replies.json(ctx, 400, Replies.error(e.getMessage()));
            return;
        }
        runner.onWorker(() -> {
            alerts.silence(s);
            return s;
        }).onSuccess(x -> Replies.json(ctx, 201, new JsonObject(dev.firebreak.core.FirebreakJson.write(x))))
                .onFailure(e -> {
                    if (e instanceof IllegalArgumentException) Replies.json(ctx, 400, Replies.error(e.getMessage()));
                    else ctx.fail(e);
                });
    }

    private void unsilence(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        runner.onWorker(() -> alerts.unsilence(id)).onSuccess(removed -> {
            if (removed) ctx.response().setStatusCode(204).end();
            else Replies.json(ctx, 404, Replies.error("no silence \"" + id + "\""));
        }).onFailure(ctx::fail);
    }

    /** The end of a snooze of {@code length} from now (ISO-8601), or why the length will not do. */
    private static String snoozeEnd(String length) {
        long seconds;
        try {
            seconds = durationSeconds(length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("for: expected a duration like 1h, 4h or 24h, got \"" + length + "\"");
        }
        if (seconds < 60 || seconds > 7 * 86_400) {
            throw new IllegalArgumentException("for: a snooze lasts from 1m to 7d, got \"" + length + "\"");
        }
        return Instant.now().plusSeconds(seconds).toString();
    }

    private static long durationSeconds(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expiresIn: expected a duration like 30m, 2h or 1d, got \"" + text + "\"");
        }
        return Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "m" -> 60L;
            case "h" -> 3600L;
            case "d" -> 86_400L;
            default -> 1L;
        };
    }

    /**
     * {@code POST /api/rules/backtest {"since":"7d"}}: the rules in force over the last {@code since} of
     * this daemon's index (event time, up to its newest mention), from an empty alert state; the same
     * report as {@code firebreak rules backtest}. Runs off the event loop and off the pipeline's worker.
     */
    private void backtest(RoutingContext ctx) {
        String since;
        try {
            JsonObject body = ctx.body().length() <= 0 ? new JsonObject() : ctx.body().buffer().toJsonObject();
            since = body.getString("since", "7d");
        } catch (DecodeException | ClassCastException e) {
            Replies.json(ctx, 400, Replies.error("the body is not a JSON object: " + e.getMessage()));
            return;
        }
        long seconds;
        try {
            seconds = durationSeconds(since);
        } catch (IllegalArgumentException e) {
            Replies.json(ctx, 400, Replies.error("since: expected a duration like 30m, 12h or 7d, got \"" + since + "\""));
            return;
        }
        var rules = alerts.rules();
        vertx.executeBlocking(() -> {
            long start = System.nanoTime();
            var newest = index.newest(1).hits();
            long to = newest.isEmpty() ? Long.MAX_VALUE : newest.get(0).mention().createdAt().toInstant().toEpochMilli() + 1;
            dev.firebreak.daemon.alerting.Backtest test = new dev.firebreak.daemon.alerting.Backtest(rules);
            index.scan(to == Long.MAX_VALUE ? Long.MIN_VALUE : to - 1 - seconds * 1000, to, test::accept);
            var report = test.report();
            return new JsonObject().put("since", since).put("mentions", test.mentions())
                    .put("seconds", (System.nanoTime() - start) / 1e9)
                    .put("rules", new JsonArray(dev.firebreak.core.FirebreakJson.write(report)));
        }, false).onSuccess(r -> Replies.json(ctx, 200, r)).onFailure(ctx::fail);
    }

    private void act(RoutingContext ctx, AlertStage.Action action, String argumentField) {
        String id = ctx.pathParam("id");
        {
            JsonObject body = Replies.objectBody(ctx);
            if (body == null) return;
            // Who did it: the body may name a person (a shared console account), else the caller.
            String by = body.getString("by", dev.firebreak.daemon.web.CurrentUser.nameOr(ctx, null));
            String argument;
            try {
                argument = argumentField == null ? null : body.getString(argumentField);
                if (action == AlertStage.Action.SNOOZE) argument = snoozeEnd(argument);
            } catch (IllegalArgumentException | ClassCastException e) {
                Replies.json(ctx, 400, Replies.error(e.getMessage()));
                return;
            }
            String stepArgument = argument;
            runner.onWorker(() -> alerts.act(id, action, by, stepArgument, Instant.now()))
                    .onSuccess(l -> Replies.json(ctx, 200, new JsonObject(l.toJson())))
                    .onFailure(e -> {
                        if (e instanceof NoSuchElementException) Replies.json(ctx, 404, Replies.error(e.getMessage()));
                        else if (e instanceof InvalidTransitionException) Replies.json(ctx, 409, Replies.error(e.getMessage()));
                        else if (e instanceof IllegalArgumentException) Replies.json(ctx, 400, Replies.error(e.getMessage()));
                        else ctx.fail(e);
                    });
        }
    }


}
