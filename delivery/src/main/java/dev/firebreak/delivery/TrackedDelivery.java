package dev.firebreak.delivery;

import io.vertx.core.json.JsonObject;

/**
 * A delivery and where it stands: pending (with its failures so far and when it is next due),
 * delivered, or dead. Stored as JSON in Redis; changed only on the delivery thread.
 */
public final class TrackedDelivery {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";

    private final Delivery delivery;
    String status = PENDING;
    int failures;
    long nextAt;
    long finishedAt;
    String lastError;

    public TrackedDelivery(Delivery delivery) {
        this.delivery = delivery;
        this.nextAt = delivery.createdAt();
    }

    public Delivery delivery() {
        return delivery;
    }

    public String id() {
        return delivery.id();
    }

    public String status() {
        return status;
    }

    public JsonObject toJson() {
        Delivery d = delivery;
        return new JsonObject().put("id", d.id()).put("endpoint", d.endpointId()).put("alertId", d.alertId())
                .put("storyId", d.storyId()).put("seq", d.seq()).put("followUp", d.followUp())
                .put("alert", d.alertJson()).put("createdAt", d.createdAt()).put("status", status)
                .put("failures", failures).put("nextAt", nextAt).put("finishedAt", finishedAt).put("lastError", lastError);
    }

    public static TrackedDelivery fromJson(String json) {
        JsonObject o = new JsonObject(json);
        TrackedDelivery t = new TrackedDelivery(new Delivery(o.getString("id"), o.getString("endpoint"),
                o.getString("alertId"), o.getString("storyId"), o.getLong("seq"), o.getBoolean("followUp"),
                o.getString("alert"), o.getLong("createdAt")));
        t.status = o.getString("status");
        t.failures = o.getInteger("failures", 0);
        t.nextAt = o.getLong("nextAt", 0L);
        t.finishedAt = o.getLong("finishedAt", 0L);
        t.lastError = o.getString("lastError");
        return t;
    }
}
