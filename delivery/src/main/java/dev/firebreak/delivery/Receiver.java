package dev.firebreak.delivery;

import io.vertx.core.Future;
import java.util.List;

/**
 * One endpoint's way of sending: a Standard Webhooks endpoint, a WeCom, DingTalk or Feishu robot.
 * A receiver only renders, signs and sends; the dispatcher owns the queue, retries, the circuit
 * breaker, the rate limit and the dead-letter list.
 */
public interface Receiver {
    /** The endpoint id: a channel's id from the configuration, or a subscription's id. */
    String id();

    /**
     * Messages this endpoint takes per rolling minute; {@link Integer#MAX_VALUE} for no limit. When
     * more are queued than the limit allows, the dispatcher folds the overflow into one digest.
     */
    default int perMinute() {
        return Integer.MAX_VALUE;
    }

    /**
     * Sends one message. {@code deliveries} holds one delivery, or several to fold into one digest
     * message (only for a receiver with a {@link #perMinute()} limit). The future always succeeds:
     * failures are in the result.
     */
    Future<SendResult> send(List<Delivery> deliveries);
}
