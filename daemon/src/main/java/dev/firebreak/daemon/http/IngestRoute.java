package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.connect.api.HttpIngress;
import dev.firebreak.connect.api.PushIngest;
import dev.firebreak.core.InvalidMentionException;
import dev.firebreak.core.Mention;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.daemon.runtime.FeedMetrics;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST /api/ingest}: one mention or an array of them, through the pipeline, answered once stored
 * (durable: after the index's commit covering it). When the pipeline has {@link PipelineRunner#FULL}
 * batches waiting, a push is refused whole with 429 and {@code Retry-After: 1}, never queued without bound.
 * A body with any bad mention is refused whole (400 naming {@code mention[i]} and the field, {@code "stored":0}).
 * The push connector ({@link HttpIngress#push}) says how large a body may be and what it must hold; with
 * none configured the route answers 404.
 */
public final class IngestRoute implements RouteGroup {
    /** What a refused push is told to wait, in seconds: a full queue drains in about that. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final PushIngest push;
    private final PipelineRunner pipeline;
    private final FeedMetrics.Counts counts;

    /** {@code push} is null when no connector takes pushes. */
    public IngestRoute(PushIngest push, PipelineRunner pipeline) {
        this(push, pipeline, FeedMetrics.unregistered().counts("push", "push"));
    }

    /** Counting what is pushed in {@code counts}. */
    public IngestRoute(PushIngest push, PipelineRunner pipeline, FeedMetrics.Counts counts) {
        this.push = push;
        this.pipeline = pipeline;
        this.counts = counts;
    }

    @Override
    public List<Route> routes() {
        int limit = push == null ? HttpIngress.DEFAULT_MAX_BODY_BYTES : push.maxBodyBytes();
        // The size check runs before the body is read: a declared oversized body is refused unread.
        return List.of(Route.post("/api/ingest", Access.ADMIN, "push one mention or an array of them through the pipeline",
                limit, this::ingest).checkedBy(this::refuseOversized));
    }

    private void refuseOversized(RoutingContext ctx) {
        if (push == null) {
            error(ctx, 404, "push ingest is not enabled: add a connector of type push to the configuration");
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > push.maxBodyBytes()) {
            error(ctx, 413, "body is " + length + " bytes; the limit is " + push.maxBodyBytes());
            return;
        }
        ctx.next();
    }

    private void ingest(RoutingContext ctx) {
        List<Mention> mentions;
        try {
            mentions = push.decode(ctx.body().buffer());
        } catch (InvalidMentionException e) {
            // A body is taken whole or not at all: one bad mention refuses the batch, so nothing of it is stored.
            Replies.json(ctx, 400, Replies.error(e.getMessage()).put("stored", 0));
            return;
        }
        if (pipeline.waiting() >= PipelineRunner.FULL) {
            // Back-pressure: the pipeline is a full queue behind; nothing of this body is taken.
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
            Replies.json(ctx, 429, Replies.error("the pipeline is full (" + pipeline.waiting() + " batches waiting): nothing was "
                    + "stored; retry after " + RETRY_AFTER_SECONDS + " s").put("stored", 0));
            return;
        }
        counts.fetched(mentions.size(), 0);
        pipeline.submit(mentions)
                .onSuccess(o -> counts.processed(o.indexed(), o.duplicates()))
                .onFailure(err -> counts.notStored(mentions.size()))
                .onSuccess(o -> Replies.json(ctx, 200, new JsonObject().put("received", o.received()).put("indexed", o.indexed())
                        .put("duplicates", o.duplicates()).put("alerts", o.alerts())))
                .onFailure(err -> error(ctx, 503, "could not store the mentions, nothing was lost: retry ("
                        + err.getMessage() + ")"));
    }

    private static void error(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            Replies.json(ctx, status, Replies.error(message));
        }
    }
}
