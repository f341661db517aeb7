package dev.firebreak.daemon.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.analysis.entities.BrandDictionary;
import dev.firebreak.analysis.entities.CoreNlpEntities;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityEnricherTest {
    @TempDir
    Path dir;

    private static ScoredMention scored(String id, String text) {
        Mention m = new Mention(Platform.WEIBO, id, Kind.POST, text, OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                new Author("1", "a", 10, false), null, null, null, null);
        Analysis first = new Analysis(Sentiment.NEGATIVE, 0.9, "angry", List.of("quality"), null,
                List.of(new Analysis.Entity("暖途T7空气炸锅", "PRODUCT")), "test-model");
        return new ScoredMention(m, first, m.key());
    }

    @Test
    void aBurstBeyondTheQueueKeepsItsFirstScoresAndIsCounted() throws Exception {
        try (MentionIndex index = MentionIndex.open(dir);
             EntityEnricher enricher = new EntityEnricher(new CompletableFuture<>(), BrandDictionary.bundled(),
                     index, 1, 2)) {
            enricher.offer(List.of(scored("1", "a"), scored("2", "b"), scored("3", "c"), scored("4", "d"), scored("5", "e")));
            assertEquals(new EntityEnricher.Stats(2, 0, 3, 0, 0), enricher.stats());
            io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            EnrichmentMetrics.register(registry, enricher);
            assertEquals(2, registry.get("firebreak.enrichment.queue.depth").gauge().value(), "the queue's depth as a gauge");
            assertEquals(3, registry.get("firebreak.enrichment.mentions").tag("outcome", "skipped").functionCounter().count());
        }
    }

    @Test
    void coreNlpEntitiesAreAddedToTheIndexedMentionWithoutChangingItsScore() throws Exception {
        CoreNlpEntities nlp = CoreNlpEntities.load(BrandDictionary.bundled());
        try (MentionIndex index = MentionIndex.open(dir);
             EntityEnricher enricher = new EntityEnricher(CompletableFuture.completedFuture(nlp),
                     BrandDictionary.bundled(), index, 1, 100)) {
            ScoredMention m = scored("7", "上海的王小明买的暖途T7空气炸锅冒烟了");
            index.upsert(List.of(m));
            index.commit();
            enricher.offer(List.of(m, scored("8", m.mention().text())));
            // Await both copies enriched and the commit after the queue drains (the index shows the new model).
            String enrichedModel = "test-model+" + CoreNlpEntities.VERSION;
            Await.until(() -> enricher.stats().enriched() >= 2
                            && enrichedModel.equals(index.get(m.key()).orElseThrow().analysis().model()),
                    Duration.ofSeconds(30), () -> "both copies enriched and committed; stats " + enricher.stats());
            Analysis stored = index.get(m.key()).orElseThrow().analysis();
            assertEquals(List.of(new Analysis.Entity("上海", "LOCATION"), new Analysis.Entity("王小明", "PERSON"),
                    new Analysis.Entity("暖途T7空气炸锅", "PRODUCT")), stored.entities());
            assertEquals("test-model+" + CoreNlpEntities.VERSION, stored.model());
            assertEquals(0.9, stored.negative());
            assertEquals(List.of("quality"), stored.complaint());
            assertTrue(enricher.stats().memoHits() >= 1, "the second copy of the text is read from the memo");
        }
    }
}
