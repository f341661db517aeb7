package dev.firebreak.delivery.robot;

import dev.firebreak.delivery.Delivery;
import dev.firebreak.delivery.Receiver;
import dev.firebreak.delivery.SendResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.InetAddress;
import java.util.List;

/**
 * What the three group robots share: one alert or a digest of several becomes one message, laid out
 * by the platform ({@link #body}), kept within its size limit ({@link #fits}), signed into the URL it
 * is posted to ({@link #signedUrl}), and the answer read by the platform's {@link RobotReplies}.
 */
public abstract class RobotReceiver implements Receiver {
    protected final RobotEndpoint endpoint;
    private final WebClient client;
    private final AlertMessages messages;
    private final int perMinute;
    private final RobotReplies replies;

    protected RobotReceiver(RobotEndpoint endpoint, WebClient client, AlertMessages messages, int perMinute,
                            RobotReplies replies) {
        this.endpoint = endpoint;
        this.client = client;
        this.messages = messages;
        this.perMinute = perMinute;
        this.replies = replies;
    }

    @Override
    public String id() {
        return endpoint.channelId();
    }

    @Override
    public int perMinute() {
        return perMinute;
    }

    @Override
    public Future<SendResult> send(List<Delivery> deliveries, InetAddress address) {
        if (deliveries.isEmpty()) return Future.succeededFuture(SendResult.fail(0, "nothing to send"));
        JsonObject body;
        try {
            body = body(message(deliveries));
        } catch (RuntimeException e) {   // an alert JSON we cannot read: a retry would not help
            return Future.succeededFuture(SendResult.fail(0, replies.platform() + ": cannot render the message: "
                    + endpoint.scrub(e.getMessage())));
        }
        return RobotPost.send(client, signedUrl(), address, body, endpoint, replies);
    }

    /** The message for these deliveries, as the platform would get it (for tests and previews). */
    public RobotMessage message(List<Delivery> deliveries) {
        return deliveries.size() == 1 ? messages.single(deliveries.get(0)) : messages.digest(deliveries, this::fits);
    }

    /** The platform's JSON for a message (without the signature when the platform signs in the URL). */
    public abstract JsonObject body(RobotMessage message);

    /** Whether the message is within the platform's size limit. */
    protected abstract boolean fits(RobotMessage message);

    /** The URL to post to: the webhook URL, with the signature when the platform signs there. */
    protected String signedUrl() {
        return endpoint.url();
    }

    protected static int utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
