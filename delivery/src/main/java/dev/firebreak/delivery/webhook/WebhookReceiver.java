package dev.firebreak.delivery.webhook;

import dev.firebreak.delivery.Delivery;
import dev.firebreak.delivery.PinnedPost;
import dev.firebreak.delivery.Receiver;
import dev.firebreak.core.RetryAfter;
import dev.firebreak.delivery.SendResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A Standard Webhooks endpoint: POSTs {@code {"type","timestamp","data"}} with {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature}, 10 s timeout, no redirects followed, and
 * maps the answer to a {@link SendResult}. Connects to the address the URL guard approved ({@link PinnedPost}).
 */
public final class WebhookReceiver implements Receiver {
    static final long TIMEOUT_MILLIS = 10_000;

    private final String id;
    private final String url;
    private final Supplier<List<String>> secrets;
    private final int perMinute;
    private final WebClient client;
    private final LongSupplier clock;

    /** {@code secrets} is asked at each send: a rotation adds one and later drops the old one. */
    public WebhookReceiver(String id, String url, Supplier<List<String>> secrets, int perMinute, WebClient client,
                           LongSupplier clock) {
        this.id = id;
        this.url = url;
        this.secrets = secrets;
        this.perMinute = perMinute;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int perMinute() {
        return perMinute;
    }

    @Override
    public Future<SendResult> send(List<Delivery> deliveries, InetAddress address) {
        long now = clock.getAsLong();
        String msgId = messageId(deliveries);
        String body = body(deliveries, now).encode();
        long ts = now / 1000;
        String signature;
        try {
            signature = WebhookSigner.signatures(msgId, ts, body, secrets.get());
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(SendResult.fail(0, e.getMessage()));
        }
        return PinnedPost.to(client, url, address).followRedirects(false).timeout(TIMEOUT_MILLIS)
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", msgId)
                .putHeader("webhook-timestamp", Long.toString(ts))
                .putHeader("webhook-signature", signature)
                .sendBuffer(Buffer.buffer(body))
                .map(this::result)
                .otherwise(e -> SendResult.retry(0, null, "no answer: " + describe(e)));
    }

    /** One delivery goes under its own id; a digest under the first one's id, marked as a digest. */
    static String messageId(List<Delivery> deliveries) {
        return deliveries.size() == 1 ? deliveries.get(0).id() : deliveries.get(0).id() + "_digest" + deliveries.size();
    }

    static JsonObject body(List<Delivery> deliveries, long now) {
        String timestamp = Instant.ofEpochMilli(now).toString();
        if (deliveries.size() == 1) {
            Delivery d = deliveries.get(0);
            return new JsonObject().put("type", d.followUp() ? "alert.updated" : "alert.fired")
                    .put("timestamp", timestamp).put("data", new JsonObject(d.alertJson()));
        }
        JsonArray items = new JsonArray();
        deliveries.forEach(d -> items.add(new JsonObject().put("type", d.followUp() ? "alert.updated" : "alert.fired")
                .put("id", d.id()).put("data", new JsonObject(d.alertJson()))));
        return new JsonObject().put("type", "alert.digest").put("timestamp", timestamp)
                .put("data", new JsonObject().put("messages", items));
    }

    private SendResult result(HttpResponse<Buffer> r) {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return SendResult.ok(s);
        }
        String error = "HTTP " + s + (r.statusMessage() == null ? "" : " " + r.statusMessage());
        if (s == 410) {
            return SendResult.gone(s, error);
        }
        if (s == 408 || s == 429 || s >= 500) {
            return SendResult.retry(s, RetryAfter.parse(r.getHeader("Retry-After"), clock.getAsLong()), error);
        }
        return SendResult.fail(s, error + (s >= 300 && s < 400 ? " (redirects are not followed)" : ""));
    }

    /** The failure without the URL (it may hold a secret). */
    private String describe(Throwable e) {
        String m = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return m.replace(url, dev.firebreak.delivery.Masked.url(url));
    }
}
