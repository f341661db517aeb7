package dev.firebreak.daemon.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.Alert;
import dev.firebreak.core.Severity;
import dev.firebreak.store.RecordedAlert;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Alerts fired and updated per rule and severity; the arrival-to-alert latency of new ones only. */
class AlertMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static Alert alert(String rule, Severity severity) {
        return new Alert("a-" + rule, rule, "1", severity, "story-1", OffsetDateTime.parse("2026-11-20T10:15:00+08:00"),
                "why", List.of("weibo:1"), null, null);
    }

    @Test
    void firedAndUpdatedByRuleAndSeverityWithTheLatencyOfNewAlerts() {
        long[] now = {5_000_000_000L};
        AlertMetrics metrics = new AlertMetrics(registry, () -> now[0]);
        long arrival = now[0] - 75_000_000L;   // 75 ms before publication
        metrics.published(new RecordedAlert(1, "{}"), AlertVersion.fired(alert("safety", Severity.P1), List.of("agents"), arrival));
        metrics.published(new RecordedAlert(2, "{}"), AlertVersion.update(alert("safety", Severity.P1), arrival));
        metrics.published(new RecordedAlert(3, "{}"), AlertVersion.fired(alert("refunds", Severity.P3), List.of("agents"), arrival));
        assertEquals(1, registry.get("firebreak.alerts.fired").tags("rule", "safety", "severity", "P1").counter().count());
        assertEquals(1, registry.get("firebreak.alerts.fired").tags("rule", "refunds", "severity", "P3").counter().count());
        assertEquals(1, registry.get("firebreak.alerts.updated").tags("rule", "safety", "severity", "P1").counter().count());
        Timer latency = registry.get("firebreak.alert.latency").timer();
        assertEquals(2, latency.count(), "updates have no arrival-to-alert latency");
        assertEquals(75, latency.max(TimeUnit.MILLISECONDS), 0.001);
    }
}
