package dev.firebreak.daemon.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each stage's time per batch, a failed batch's too, and the enrichment queue's gauges. */
class PipelineMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static Stage stage(String name, Runnable body) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(Batch batch) {
                body.run();
            }
        };
    }

    @Test
    void everyStageIsTimedUnderItsName() throws Exception {
        Pipeline pipeline = new Pipeline(List.of(stage("dedup", () -> { }), stage("index", () -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })), o -> { }).timedBy(new PipelineMetrics(registry));
        assertEquals(List.of("dedup", "index"), pipeline.stageNames());
        pipeline.process(List.of(dev.firebreak.daemon.testing.AlertingFixtures.mention("1", "暖途客服", 0)), System.nanoTime());
        Timer index = registry.get("firebreak.pipeline.stage").tag("stage", "index").timer();
        assertEquals(1, index.count());
        assertTrue(index.totalTime(TimeUnit.MILLISECONDS) >= 20, index.totalTime(TimeUnit.MILLISECONDS) + " ms");
        assertEquals(1, registry.get("firebreak.pipeline.stage").tag("stage", "dedup").timer().count());
    }

    @Test
    void aFailedStageIsTimedToo() {
        Stage failing = new PipelineMetrics(registry).timed(stage("rules", () -> {
            throw new IllegalStateException("no rules");
        }));
        assertThrows(IllegalStateException.class, () -> failing.apply(new Batch(List.of(), 0)));
        assertEquals(1, registry.get("firebreak.pipeline.stage").tag("stage", "rules").timer().count());
    }

    @Test
    void withoutCoreNlpTheEnrichmentSeriesExistAtZero() {
        EnrichmentMetrics.register(registry, null);
        assertEquals(0, registry.get("firebreak.enrichment.queue.depth").gauge().value());
        assertEquals(0, registry.get("firebreak.enrichment.mentions").tag("outcome", "skipped").functionCounter().count());
    }
}
