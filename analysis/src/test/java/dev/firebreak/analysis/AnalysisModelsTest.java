package dev.firebreak.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Analysis;
import dev.firebreak.analysis.entities.BrandDictionary;
import dev.firebreak.analysis.entities.CoreNlpEntities;
import dev.firebreak.analysis.model.SentimentModel;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AnalysisModelsTest {
    private static final FirstScorer SCORER = FirstScorer.load(SentimentModel.load(), BrandDictionary.bundled());

    @Test
    void notReadyWhileCoreNlpLoadsNorWhenItFailed() {
        CompletableFuture<CoreNlpEntities> loading = new CompletableFuture<>();
        AnalysisModels models = new AnalysisModels(SCORER, loading);
        assertFalse(models.ready());
        assertEquals("loading", models.corenlpState());
        loading.completeExceptionally(new OutOfMemoryError("Java heap space"));
        assertFalse(models.ready());
        assertEquals("failed", models.corenlpState());
    }

    @Test
    void readyAtOnceWhenCoreNlpIsOff() {
        AnalysisModels models = new AnalysisModels(SCORER, null);
        assertTrue(models.ready());
        assertEquals("off", models.corenlpState());
    }

    @Test
    void aRepeatedTextIsScoredOnce() {
        AnalysisModels models = new AnalysisModels(SCORER, null);
        Analysis first = models.firstScores().analyse("暖途T7空气炸锅坏了，要退款");
        Analysis again = models.firstScores().analyse("暖途T7空气炸锅坏了，要退款");
        assertSame(first, again);
        assertEquals(1, models.memoHits());
    }

    @Test
    void aVeryLongTextIsNotKeptInTheMemo() {
        TextMemo<Integer> memo = new TextMemo<>(10);
        String longText = "差".repeat(TextMemo.LONGEST + 1);
        memo.get(longText, String::length);
        memo.get(longText, String::length);
        assertEquals(0, memo.hits());
        memo.get("短", String::length);
        memo.get("短", String::length);
        assertEquals(1, memo.hits());
    }
}
