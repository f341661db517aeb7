package dev.firebreak.delivery;

import dev.firebreak.core.Alert;
import dev.firebreak.store.RecordedAlert;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns recorded alerts into deliveries: finds the endpoints behind each channel name (a configured
 * channel, and the PR subscriptions attached to the name), remembers in Redis which endpoints hold
 * each alert so updates follow it there, queues one delivery per endpoint in Redis and wakes that
 * endpoint's {@link Dispatcher}. Names no endpoint serves ({@code agents}, {@code supervisor}) are
 * the feed alone. Runs on the pipeline worker and never waits on the network, only on Redis.
 */
public final class DeliveryService implements Notifier, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryStore store;
    private final DeliveryClock clock;
    private final RetryPolicy policy;
    private final AddressGuard guard;
    private final DeliveryMetrics metrics;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Dispatcher> dispatchers = new ConcurrentHashMap<>();

    /** With the live URL guard (system DNS, off the delivery thread, answers kept a minute). */
    public DeliveryService(DeliveryStore store, DeliveryClock clock, RetryPolicy policy) {
        this(store, clock, policy, AddressGuard.system(clock::now));
    }

    /** With this URL guard, which the service closes when it closes. */
    public DeliveryService(DeliveryStore store, DeliveryClock clock, RetryPolicy policy, AddressGuard guard) {
        this(store, clock, policy, guard, DeliveryMetrics.unregistered());
    }

    /** With this URL guard, counting each endpoint's deliveries in {@code metrics}. */
    public DeliveryService(DeliveryStore store, DeliveryClock clock, RetryPolicy policy, AddressGuard guard,
                           DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.clock = clock;
        this.policy = policy;
        this.guard = guard;
    }

    /** Adds an endpoint and starts sending its queue (what Redis held from before, then what comes). */
    public void add(Endpoint e) {
        Dispatcher d = new Dispatcher(e.receiver(), store, clock, policy, Dispatcher.GUARD_TIMEOUT,
                () -> guard.approve(e.url(), e.allowPrivate()), metrics);
        endpoints.put(e.id(), e);
        Dispatcher old = dispatchers.put(e.id(), d);
        if (old != null) {
            old.stop();
        }
        d.start();
    }

    /** Stops sending to an endpoint and forgets its queue (a deleted subscription). */
    public void remove(String endpointId) {
        endpoints.remove(endpointId);
        Dispatcher d = dispatchers.remove(endpointId);
        if (d != null) {
            d.stop();
        }
        clock.execute(() -> store.dropQueue(endpointId));
    }

    @Override
    public void notify(RecordedAlert recorded, Alert alert, boolean followUp, List<String> newChannels) {
        if (endpoints.isEmpty()) return;   // nowhere to deliver: no round trips to Redis per alert
        try {
            List<String> fresh = endpointsOf(newChannels);
            Set<String> before = followUp ? store.holders(alert.id()) : Set.of();
            Set<String> targets = new TreeSet<>(fresh);
            if (followUp) {
                targets.addAll(store.hold(alert.id(), fresh));
            } else {
                store.hold(alert.id(), fresh);
            }
            for (String ep : targets) {
                Dispatcher dispatcher = dispatchers.get(ep);
                if (dispatcher == null) {
                    continue;   // a subscription deleted since it took the alert
                }
                Delivery d = new Delivery(messageId(alert.id(), recorded.seq(), ep), ep, alert.id(), alert.storyId(),
                        recorded.seq(), followUp && before.contains(ep), recorded.json(), clock.now());
                if (store.enqueue(d)) {
                    dispatcher.offer(new TrackedDelivery(d));
                }
            }
        } catch (RuntimeException e) {
            LOG.error("alert {} (seq {}) could not be queued for delivery: {}", alert.id(), recorded.seq(), e.toString());
        }
    }

    /** The endpoints serving these channel names, in a stable order. */
    List<String> endpointsOf(List<String> channels) {
        List<String> out = new ArrayList<>();
        for (Endpoint e : endpoints.values()) {
            if (channels.contains(e.channel())) {
                out.add(e.id());
            }
        }
        out.sort(null);
        return out;
    }

    /** The {@code webhook-id}: the same for every retry, unique per alert version and endpoint. */
    static String messageId(String alertId, long seq, String endpoint) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((alertId + "\n" + seq + "\n" + endpoint).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a dead letter back on its endpoint's queue; false when there is no such dead letter. */
    public boolean redeliver(String deliveryId) {
        TrackedDelivery t = store.revive(deliveryId, clock.now());
        if (t == null) {
            return false;
        }
        Dispatcher d = dispatchers.get(t.delivery().endpointId());
        if (d != null) {
            d.offer(t);
        }
        return true;
    }

    /** An admin's enable of an endpoint a 410 disabled; false when there is no such endpoint. */
    public boolean enable(String endpointId) {
        Dispatcher d = dispatchers.get(endpointId);
        if (d == null) {
            return false;
        }
        d.enable();
        return true;
    }

    public Map<String, Endpoint> endpoints() {
        return Map.copyOf(endpoints);
    }

    public Dispatcher dispatcher(String endpointId) {
        return dispatchers.get(endpointId);
    }

    public DeliveryStore store() {
        return store;
    }

    public DeliveryClock clock() {
        return clock;
    }

    /** Stops every dispatcher, waiting up to 10 s for sends in flight so their outcome is recorded. */
    @Override
    public void close() {
        dispatchers.values().forEach(Dispatcher::stop);
        long until = System.currentTimeMillis() + 10_000;
        while (dispatchers.values().stream().anyMatch(Dispatcher::inFlight) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        guard.close();
    }
}
