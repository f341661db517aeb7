package dev.firebreak.daemon.http;

import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.daemon.serviceclock.AlertClocks;
import dev.firebreak.daemon.serviceclock.ReplyStep;
import dev.firebreak.daemon.serviceclock.ServiceClocks;
import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.CurrentUser;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import dev.firebreak.rules.lifecycle.InvalidTransitionException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An alert's service clocks over HTTP: {@code GET /api/alerts/{id}/clocks}, and the replied step
 * {@code POST /api/alerts/{id}/replied {"by","link"}} (link: the public reply's http(s) address; 400
 * otherwise). Both run on the pipeline's worker, after the batches before them.
 */
public final class ServiceClockRoutes implements RouteGroup {
    private static final int BODY = 16 * 1024;
    private final PipelineRunner runner;
    private final ServiceClocks clocks;
    private final ReplyStep replies;

    public ServiceClockRoutes(PipelineRunner runner, ServiceClocks clocks, ReplyStep replies) {
        this.runner = runner;
        this.clocks = clocks;
        this.replies = replies;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/alerts/:id/clocks", Access.ALL,
                        "an alert's service clocks (acknowledge, first reply, supervisor): deadlines and met/breached/pending",
                        this::clocks),
                Route.post("/api/alerts/:id/replied", Access.AGENT,
                        "record the brand's public reply (its link); meets the first-reply clock", BODY, this::replied));
    }

    private void clocks(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        runner.onWorker(() -> clocks.clocks(id)).onSuccess(c -> {
            if (c.isEmpty()) Replies.json(ctx, 404, Replies.error("no service clocks for alert \"" + id + "\""));
            else Replies.json(ctx, 200, new JsonObject(c.get().toJson()));
        }).onFailure(ctx::fail);
    }

    private void replied(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = Replies.objectBody(ctx);
        if (body == null) return;
        Object by = body.getValue("by", CurrentUser.nameOr(ctx, null));
        Object link = body.getValue("link");
        if (by != null && !(by instanceof String) || link != null && !(link instanceof String)) {
            Replies.json(ctx, 400, Replies.error("by and link: expected text"));
            return;
        }
        String problem = ReplyStep.linkProblem((String) link);
        if (problem != null) {
            Replies.json(ctx, 400, Replies.error(problem));
            return;
        }
        runner.onWorker(() -> {
            replies.reply(id, (String) by, (String) link, Instant.now());
            return clocks.clocks(id);
        }).onSuccess(c -> Replies.json(ctx, 200, new JsonObject().put("alertId", id)
                        .put("clocks", c.map(x -> new JsonObject(x.toJson()).getJsonArray("clocks")).orElse(null))))
                .onFailure(e -> {
                    if (e instanceof NoSuchElementException) Replies.json(ctx, 404, Replies.error(e.getMessage()));
                    else if (e instanceof InvalidTransitionException || e instanceof IllegalArgumentException) {
                        Replies.json(ctx, 400, Replies.error(e.getMessage()));
                    } else ctx.fail(e);
                });
    }
}
