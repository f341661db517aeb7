package dev.firebreak.delivery;

import dev.firebreak.store.DeliveryRecords;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Deliveries as the dispatchers see them, kept in {@link DeliveryRecords}: each endpoint's queue in
 * order, its dead letters, its log of recent deliveries, its state and its sends of the last minute,
 * each delivery's attempts, and which endpoints hold each alert. Blocking calls: never on an event loop.
 */
public final class DeliveryStore {
    private final DeliveryRecords records;

    public DeliveryStore(DeliveryRecords records) {
        this.records = records;
    }

    /** Queues a delivery once under its id; false when it was queued before (a repeat notify). */
    public boolean enqueue(Delivery d) {
        return records.enqueue(d.endpointId(), d.id(), new TrackedDelivery(d).toJson().encode(), d.createdAt());
    }

    /** The endpoint's pending deliveries, in the order they were queued. */
    public List<TrackedDelivery> pending(String endpoint) {
        return load(records.pending(endpoint));
    }

    public int pendingCount(String endpoint) {
        return records.pendingCount(endpoint);
    }

    public TrackedDelivery get(String id) {
        return records.get(id).map(TrackedDelivery::fromJson).orElse(null);
    }

    /** The endpoint's latest deliveries, newest first. */
    public List<TrackedDelivery> recent(String endpoint, int limit) {
        return load(records.recent(endpoint, limit));
    }

    public void save(TrackedDelivery t) {
        records.save(t.id(), t.toJson().encode());
    }

    /** Saves a delivery that is done (delivered or dead) and takes it off the queue; dead ones are listed. */
    public void finish(TrackedDelivery t) {
        records.finish(t.delivery().endpointId(), t.id(), t.toJson().encode(), TrackedDelivery.DEAD.equals(t.status),
                t.finishedAt);
    }

    /** Puts a dead letter back at the end of its endpoint's queue, with its failures forgotten. */
    public TrackedDelivery revive(String id, long now) {
        TrackedDelivery t = get(id);
        if (t == null || !TrackedDelivery.DEAD.equals(t.status)) {
            return null;
        }
        t.status = TrackedDelivery.PENDING;
        t.failures = 0;
        t.nextAt = now;
        t.finishedAt = 0;
        records.requeue(t.delivery().endpointId(), id, t.toJson().encode());
        return t;
    }

    /** How many deliveries are stored in all (pending, dead and the logged ones). */
    long size() {
        return records.size();
    }

    public List<TrackedDelivery> deadLetters(String endpoint) {
        return load(records.deadLetters(endpoint));
    }

    public int deadCount(String endpoint) {
        return records.deadCount(endpoint);
    }

    public void attempt(String id, JsonObject attempt) {
        records.attempt(id, attempt.encode());
    }

    public List<JsonObject> attempts(String id) {
        return records.attempts(id).stream().map(JsonObject::new).toList();
    }

    public EndpointState endpointState(String endpoint) {
        return EndpointState.fromJson(records.endpointState(endpoint).orElse(null));
    }

    public void saveEndpointState(String endpoint, EndpointState state) {
        records.saveEndpointState(endpoint, state.toJson().encode());
    }

    /** Counts a message sent now toward the endpoint's rolling minute. */
    public void sent(String endpoint, String messageId, long now) {
        records.sent(endpoint, messageId, now);
    }

    /** The times of the messages sent in the minute before {@code now}, oldest first. */
    public List<Long> sentSince(String endpoint, long since) {
        return records.sentSince(endpoint, since);
    }

    /** Adds endpoints to those holding an alert; answers every endpoint holding it now. */
    public Set<String> hold(String alertId, List<String> endpoints) {
        return records.hold(alertId, endpoints);
    }

    public Set<String> holders(String alertId) {
        return records.holders(alertId);
    }

    /** Forgets an endpoint's queue (a deleted subscription): its pending deliveries are not sent. */
    public void dropQueue(String endpoint) {
        records.dropQueue(endpoint);
    }

    private static List<TrackedDelivery> load(List<String> json) {
        return json.stream().map(TrackedDelivery::fromJson).toList();
    }
}
