package dev.firebreak.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Deliveries per endpoint, tagged by the endpoint's id (a configured channel's id or a subscription's
 * id; never its URL, which may carry a robot key): sent (the endpoint took it), failed (an attempt
 * that did not get through: it is retried, or dead-lettered) and dead-lettered.
 */
public final class DeliveryMetrics {
    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counted nowhere anyone reads (tests that run dispatchers alone). */
    public static DeliveryMetrics unregistered() {
        return new DeliveryMetrics(new SimpleMeterRegistry());
    }

    /** One endpoint's counters, registered now, so each endpoint's series exist from its start. */
    public Counts endpoint(String endpointId) {
        return new Counts(counter("sent", "deliveries an endpoint took", endpointId),
                counter("failed", "delivery attempts that did not get through (retried, or dead-lettered)", endpointId),
                counter("dead.lettered", "deliveries given up on and put on the dead-letter list", endpointId));
    }

    private Counter counter(String what, String description, String endpointId) {
        return Counter.builder("firebreak.deliveries." + what).description(description)
                .tag("endpoint", endpointId).register(registry);
    }

    /** The counters of one endpoint's dispatcher. */
    public record Counts(Counter sent, Counter failed, Counter deadLettered) { }
}
