package dev.firebreak.daemon.alerting;

import dev.firebreak.core.Alert;
import dev.firebreak.store.RecordedAlert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Alerts as they are published: fired and updated (a newer version: grown, escalated, acknowledged,
 * resolved) per rule and severity, and for each new alert the time from its batch's arrival to its
 * publication ({@code firebreak_alert_latency_seconds}), the delay people feel.
 */
public final class AlertMetrics implements AlertSubscriber {
    /** Bucket bounds around the ~75 ms p50 measured in BENCHMARKS.md, up to a slow 30 s. */
    static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Timer latency;
    private final LongSupplier nanoTime;

    public AlertMetrics(MeterRegistry registry) {
        this(registry, System::nanoTime);
    }

    AlertMetrics(MeterRegistry registry, LongSupplier nanoTime) {
        this.registry = registry;
        this.nanoTime = nanoTime;
        this.latency = Timer.builder("firebreak.alert.latency")
                .description("from a batch's arrival to the publication of a new alert it raised")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    @Override
    public void published(RecordedAlert recorded, AlertVersion version) {
        Alert a = version.alert();
        String kind = version.followUp() ? "updated" : "fired";
        counter(kind, a).increment();
        if (!version.followUp()) {
            latency.record(Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - version.arrivalNanos())));
        }
    }

    private Counter counter(String kind, Alert a) {
        return Counter.builder("firebreak.alerts." + kind)
                .description(kind.equals("fired") ? "new alerts, per rule and severity"
                        : "newer versions of alerts (grown, escalated, acknowledged, resolved), per rule and severity")
                .tags("rule", a.ruleId(), "severity", String.valueOf(a.severity()))
                .register(registry);
    }
}
