package dev.firebreak.daemon.pipeline;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The CoreNLP enrichment queue as {@link EntityEnricher#stats()} reports it: its depth now, and how
 * many mentions were enriched, skipped (the queue was full: they keep their first score) or failed.
 * With CoreNLP off there is no queue: the series exist and stay at 0.
 */
public final class EnrichmentMetrics {
    private static final EntityEnricher.Stats NONE = new EntityEnricher.Stats(0, 0, 0, 0, 0);

    private EnrichmentMetrics() { }

    /** {@code enricher} may be null (CoreNLP off). */
    public static void register(MeterRegistry registry, EntityEnricher enricher) {
        Supplier<EntityEnricher.Stats> stats = enricher == null ? () -> NONE : enricher::stats;
        Gauge.builder("firebreak.enrichment.queue.depth", stats, s -> s.get().queued())
                .description("mentions waiting for CoreNLP's entities")
                .strongReference(true)   // the supplier lives only here
                .register(registry);
        counter(registry, stats, "enriched", EntityEnricher.Stats::enriched);
        counter(registry, stats, "skipped", EntityEnricher.Stats::skipped);
        counter(registry, stats, "failed", EntityEnricher.Stats::failed);
    }

    private static void counter(MeterRegistry registry, Supplier<EntityEnricher.Stats> stats, String outcome,
                                ToDoubleFunction<EntityEnricher.Stats> count) {
        // A function counter holds its object weakly: the depth gauge above holds the same supplier strongly.
        FunctionCounter.builder("firebreak.enrichment.mentions", stats, s -> count.applyAsDouble(s.get()))
                .description("mentions through CoreNLP enrichment by outcome: enriched, skipped (queue full), failed")
                .tag("outcome", outcome)
                .register(registry);
    }
}
