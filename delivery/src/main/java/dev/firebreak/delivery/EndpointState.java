package dev.firebreak.delivery;

import io.vertx.core.json.JsonObject;

/**
 * One endpoint's standing with the dispatcher: disabled (a 410, until an admin enables it again),
 * the circuit breaker (consecutive failures, open until when, failed probes), and a pause a
 * {@code Retry-After} asked for. Stored in Redis so a restart keeps an open breaker open.
 */
public final class EndpointState {
    String disabled;
    int consecutiveFailures;
    long openUntil;
    int failedProbes;
    long pausedUntil;

    /** closed, open (waiting out its cool-down) or half-open (the next send is a probe). */
    public String breaker(long now) {
        return openUntil == 0 ? "closed" : openUntil > now ? "open" : "half-open";
    }

    public String disabledReason() {
        return disabled;
    }

    JsonObject toJson() {
        return new JsonObject().put("disabled", disabled).put("consecutiveFailures", consecutiveFailures)
                .put("openUntil", openUntil).put("failedProbes", failedProbes).put("pausedUntil", pausedUntil);
    }

    static EndpointState fromJson(String json) {
        EndpointState s = new EndpointState();
        if (json != null) {
            JsonObject o = new JsonObject(json);
            s.disabled = o.getString("disabled");
            s.consecutiveFailures = o.getInteger("consecutiveFailures", 0);
            s.openUntil = o.getLong("openUntil", 0L);
            s.failedProbes = o.getInteger("failedProbes", 0);
            s.pausedUntil = o.getLong("pausedUntil", 0L);
        }
        return s;
    }
}
