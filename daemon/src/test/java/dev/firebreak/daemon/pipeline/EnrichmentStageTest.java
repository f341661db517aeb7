package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.ScoredMention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichmentStageTest {
    @Test
    void theNewMentionsAreHandedToTheEnrichment() {
        List<List<ScoredMention>> queued = new ArrayList<>();
        Batch batch = new Batch(List.of(), 0);
        batch.fresh = List.of(negative("1", "s1", 0));
        new EnrichmentStage(queued::add).apply(batch);
        assertEquals(List.of(batch.fresh), queued);
    }
}
