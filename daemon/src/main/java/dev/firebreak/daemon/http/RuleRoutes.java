package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.daemon.alerting.RuleEditor;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.rules.file.RuleFileException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.List;

/**
 * Rule changes through the API, kept with who, when and the diff: {@code PUT /api/rules/files/{file}}
 * {@code {"text","by"}} (refused with every problem, nothing written, if the folder would not check; a body
 * without {@code text} is refused, never read as a deletion), {@code DELETE /api/rules/files/{file}},
 * {@code GET /api/rules/changes?limit=N}, {@code POST /api/rules/changes/{n}/rollback} {@code {"by"}}.
 */
public final class RuleRoutes implements RouteGroup {
    private final PipelineRunner runner;
    private final RuleEditor editor;

    public RuleRoutes(PipelineRunner runner, RuleEditor editor) {
        this.runner = runner;
        this.editor = editor;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.put("/api/rules/files/:file", Access.ADMIN, "write a rule file (refused with every problem,"
                        + " nothing written, if the folder would not check)", 1 << 20, this::write),
                Route.delete("/api/rules/files/:file", Access.ADMIN, "remove a rule file (refused, nothing removed,"
                        + " if the rest of the folder would not check)", this::remove),
                Route.get("/api/rules/changes", Access.ALL, "rule changes, newest first, with who and the diff", this::changes),
                Route.post("/api/rules/changes/:n/rollback", Access.ADMIN, "put the rules back as they were before change n",
                        4096, this::rollback));
    }

    private void write(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) return;
        if (!(body.getValue("text") instanceof String text)) {
            Replies.json(ctx, 400, Replies.error(body.getValue("text") == null
                    ? "text is required: the file's new YAML (to remove a file, DELETE it)" : "text: expected a string"));
            return;
        }
        String file = ctx.pathParam("file");
        String by = by(ctx, body);
        if (by == null) return;
        run(ctx, () -> editor.write(file, text, by, null));
    }

    private void remove(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        String by = dev.firebreak.daemon.web.CurrentUser.nameOr(ctx, null);
        run(ctx, () -> editor.remove(file, by));
    }

    private void rollback(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) return;
        long n;
        try {
            n = Long.parseLong(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            Replies.json(ctx, 400, Replies.error("change: expected a number, got \"" + ctx.pathParam("n") + "\""));
            return;
        }
        String by = by(ctx, body);
        if (by == null) return;
        run(ctx, () -> editor.rollback(n, by));
    }

    private void changes(RoutingContext ctx) {
        int n = QueryParams.clampedInt(ctx, "limit", 20, 1, 500);
        runner.onWorker(() -> editor.history(n))
                .onSuccess(list -> Replies.json(ctx, 200, new JsonObject().put("changes", new JsonArray(FirebreakJson.write(list)))))
                .onFailure(ctx::fail);
    }

    private void run(RoutingContext ctx, Callable<RuleEditor.Change> work) {
        runner.onWorker(work)
                .onSuccess(c -> Replies.json(ctx, 200, new JsonObject(FirebreakJson.write(c))))
                .onFailure(e -> {
                    if (e instanceof RuleFileException r) {
                        Replies.json(ctx, 400, Replies.error("the rules would not check; nothing was changed")
                                .put("problems", new JsonArray(r.problems())));
                    } else if (e instanceof IllegalArgumentException) {
                        Replies.json(ctx, 400, Replies.error(e.getMessage()));
                    } else if (e instanceof IllegalStateException) {
                        Replies.json(ctx, 409, Replies.error(e.getMessage()));
                    } else if (e instanceof NoSuchElementException) {
                        Replies.json(ctx, 404, Replies.error(e.getMessage()));
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    /**
     * Who made the change: the signed-in admin, unless the body names the person (a shared account).
     * Null, with the 400 sent, when "by" is not a string.
     */
    private static String by(RoutingContext ctx, JsonObject body) {
        Object by = body.getValue("by");
        if (by != null && !(by instanceof String)) {
            Replies.json(ctx, 400, Replies.error("by: expected a string"));
            return null;
        }
        return by != null ? (String) by : dev.firebreak.daemon.web.CurrentUser.nameOr(ctx, "");
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            return ctx.body().length() <= 0 ? new JsonObject() : ctx.body().buffer().toJsonObject();
        } catch (RuntimeException e) {
            Replies.json(ctx, 400, Replies.error("the body is not a JSON object"));
            return null;
        }
    }

}
