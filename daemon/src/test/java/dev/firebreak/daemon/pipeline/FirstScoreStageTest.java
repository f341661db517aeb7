package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.analysis;
import static dev.firebreak.daemon.testing.AlertingFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Sentiment;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstScoreStageTest {
    @Test
    void eachUnseenMentionIsScoredInOrder() {
        Batch batch = new Batch(List.of(), 0);
        batch.unseen = List.of(mention("1", "坏了", 0), mention("2", "好用", 0));
        new FirstScoreStage(text -> analysis(text.contains("坏") ? Sentiment.NEGATIVE : Sentiment.POSITIVE)).apply(batch);
        assertEquals(List.of(Sentiment.NEGATIVE, Sentiment.POSITIVE), batch.analyses.stream().map(Analysis::label).toList());
    }
}
