package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.analysis;
import static dev.firebreak.daemon.testing.AlertingFixtures.mention;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.store.memory.InMemoryLifecycleStore;
import dev.firebreak.store.memory.InMemoryStateStore;
import dev.firebreak.stories.Stories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
    @TempDir
    Path dir;

    private static Stage named(String name, List<String> ran) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(Batch batch) {
                ran.add(name);
            }
        };
    }

    @Test
    void stagesRunInOrderAndAnEmptyBatchRunsNone() throws Exception {
        List<String> ran = new ArrayList<>();
        Pipeline pipeline = new Pipeline(List.of(named("a", ran), named("b", ran)), o -> { });
        assertEquals(BatchOutcome.EMPTY, pipeline.process(List.of(), 0));
        assertEquals(List.of(), ran);
        pipeline.process(List.of(mention("1", "x", 0)), 0);
        assertEquals(List.of("a", "b"), ran);
    }

    @Test
    void aFailingStageStopsTheBatch() {
        List<String> ran = new ArrayList<>();
        Stage failing = new Stage() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void apply(Batch batch) throws Exception {
                throw new java.io.IOException("disk full");
            }
        };
        Pipeline pipeline = new Pipeline(List.of(failing, named("after", ran)), o -> { });
        assertThrows(java.io.IOException.class, () -> pipeline.process(List.of(mention("1", "x", 0)), 0));
        assertEquals(List.of(), ran, "nothing after a failure: the batch is processed again");
    }

    @Test
    void theDaemonsPipelineRaisesAnAlertOnceAndSkipsMentionsSeenBefore() throws Exception {
        InMemoryStateStore state = new InMemoryStateStore();
        InMemoryLifecycleStore lifecycles = new InMemoryLifecycleStore();
        AlertPublisher publisher = new AlertPublisher(state);
        List<String> published = new ArrayList<>();
        publisher.subscribe((r, v) -> published.add(v.alert().ruleId()));
        List<ScoredMention> enriched = new ArrayList<>();
        try (MentionIndex index = MentionIndex.open(dir)) {
            Pipeline pipeline = Pipeline.standard(state, index, text -> analysis(Sentiment.NEGATIVE), Stories.inMemory(1_000),
                    new AlertStage(rules(), publisher, lifecycles), enriched::addAll);
            assertEquals(List.of("normalise", "dedup", "first score", "story", "index", "story links", "signals", "rules",
                    "record", "publish", "escalate", "mark seen", "enrichment"), pipeline.stageNames());

            var batch = List.of(mention("1", " 暖途T7空气炸锅冒烟了 ", 0));
            assertEquals(new BatchOutcome(1, 1, 0, 1), pipeline.process(batch, System.nanoTime()));
            assertEquals(List.of("neg"), published);
            pipeline.commit();   // as the runner does between batches: the index's writes are waited for, then committed
            assertEquals(1, index.count());
            assertEquals(1, enriched.size());
            assertEquals(1, lifecycles.openAlerts().toCompletableFuture().get().size());

            assertEquals(new BatchOutcome(1, 0, 1, 0), pipeline.process(batch, System.nanoTime()), "seen before");
            assertEquals(List.of("neg"), published);
            pipeline.close();
        }
    }
}
