package dev.firebreak.delivery;

import io.vertx.core.Future;
import java.net.InetAddress;
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
     * failures are in the result. It connects to {@code address}, the address the URL guard approved for
     * the URL's host (the host name still goes in the Host header and TLS SNI, and https verifies the
     * certificate for it), so no second DNS lookup decides where it goes; null: the host as it is
     * (an address literal, or an endpoint allowed private addresses: nothing is forbidden to it).
     */
    Future<SendResult> send(List<Delivery> deliveries, InetAddress address);

    /** As above, to the URL's host as it resolves when connecting (tests; the dispatcher always pins). */
    default Future<SendResult> send(List<Delivery> deliveries) {
        return send(deliveries, null);
    }
}
