package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Replies;

import dev.firebreak.connect.api.WebhookReceiver;
import dev.firebreak.connect.api.WebhookReply;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.store.StateStore;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/connectors/{id}/webhook}: events a platform pushes (Douyin today). The connector's
 * receiver checks the signature and turns the event into mentions; this route drops a delivery it has
 * already taken (same {@code Msg-Id}: Douyin retries up to three times), runs the mentions through the
 * pipeline, and answers only when they are stored — on failure the Msg-Id is forgotten so the retry
 * is taken.
 */
final class WebhookRoute {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoute.class);

    private final Map<String, WebhookReceiver> receivers;
    private final StateStore state;
    private final PipelineRunner pipeline;

    WebhookRoute(Map<String, WebhookReceiver> receivers, StateStore state, PipelineRunner pipeline) {
        this.receivers = Map.copyOf(receivers);
        this.state = state;
        this.pipeline = pipeline;
    }

    void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        WebhookReceiver receiver = receivers.get(id);
        if (receiver == null) {
            Replies.json(ctx, 404, "{\"error\":\"no connector \\\"" + id.replace("\"", "") + "\\\" receives webhooks here"
                    + " (configured: " + String.join(", ", receivers.keySet()) + ")\"}");
            return;
        }
        Map<String, String> headers = new HashMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        WebhookReply out = receiver.handle(headers, ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        if (!out.accepted()) {
            LOG.warn("Refused a webhook call for connector {}: {}", id, out.message());
        }
        if (!out.accepted() || out.mentions().isEmpty()) {
            Replies.json(ctx, out.status(), out.responseJson());
            return;
        }
        String source = "webhook:" + id;
        Future<Boolean> fresh = out.msgId() == null ? Future.succeededFuture(true)
                : Future.fromCompletionStage(state.firstDelivery(source, out.msgId()));
        fresh.compose(isNew -> isNew ? pipeline.submit(out.mentions()).map(true) : Future.succeededFuture(false))
                .onSuccess(stored -> Replies.json(ctx, 200, out.responseJson()))
                .onFailure(err -> {
                    if (out.msgId() != null) {
                        state.forgetDelivery(source, out.msgId());
                    }
                    Replies.json(ctx, 503, "{\"error\":\"could not store the event; retry\"}");
                });
    }

}
