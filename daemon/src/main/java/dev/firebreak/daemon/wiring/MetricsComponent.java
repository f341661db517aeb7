package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.lifecycle.BlockingComponent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;

/**
 * The daemon's one meter registry, in Prometheus form: every component reports to it, Vert.x's own
 * HTTP and event-bus metrics included, and {@code GET /metrics} shows it. Made before the other
 * components (they are handed it when built); its start binds Micrometer's JVM binders (memory, GC,
 * threads, classes, CPU, uptime) and its stop, the last, releases them.
 */
public final class MetricsComponent extends BlockingComponent {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final Set<String> LINTED = Set.of("process.cpu.time", "system.cpu.count");
    private JvmGcMetrics gc;

    public MetricsComponent() {
        super("metrics");
        // Two of Micrometer's processor series fail promtool's lint (an abbreviated unit, a "_count" suffix on a
        // gauge): process_cpu_usage and system_cpu_usage say the same, so those two are left out.
        registry.config().meterFilter(MeterFilter.deny(id -> LINTED.contains(id.getName())));
    }

    @Override
    protected void startNow() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc = new JvmGcMetrics();   // listens to GC notifications until closed
        gc.bindTo(registry);
    }

    @Override
    protected void stopNow() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The registry as Prometheus text, for {@code GET /metrics}. */
    public PrometheusMeterRegistry prometheus() {
        return registry;
    }
}
