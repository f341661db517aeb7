package dev.firebreak.daemon.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * How long each pipeline stage takes per batch, as a histogram per stage
 * ({@code firebreak_pipeline_stage_seconds{stage="index"}}), so a slow stage shows which one it is.
 */
public final class PipelineMetrics {
    /** Bucket bounds: a first score takes well under 1 ms a mention, an index commit tens of ms, CoreNLP seconds. */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code stage}, timed: every batch's time in it is recorded, a failed one too. */
    public Stage timed(Stage stage) {
        Timer timer = Timer.builder("firebreak.pipeline.stage")
                .description("time one batch spends in a pipeline stage")
                .tag("stage", stage.name())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        return new Stage() {
            @Override
            public String name() {
                return stage.name();
            }

            @Override
            public void apply(Batch batch) throws Exception {
                long start = System.nanoTime();
                try {
                    stage.apply(batch);
                } finally {
                    timer.record(Duration.ofNanos(System.nanoTime() - start));
                }
            }
        };
    }

    /**
     * The commit, timed ({@code firebreak_pipeline_commit_seconds}): it waits for the index's writes of
     * the batches it covers, then makes them durable.
     */
    public Pipeline.Durability timed(Pipeline.Durability durability) {
        Timer timer = Timer.builder("firebreak.pipeline.commit")
                .description("time a commit of the batches processed since the last takes, waiting for their index writes")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        return () -> {
            long start = System.nanoTime();
            try {
                durability.commit();
            } finally {
                timer.record(Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }
}
