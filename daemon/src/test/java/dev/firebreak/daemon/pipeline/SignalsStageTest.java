package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.stories.Stories;
import dev.firebreak.stories.StoryAssigner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalsStageTest {
    @Test
    void theStoriesTheBatchTouchedAreUpdated() {
        Batch batch = new Batch(List.of(), 0);
        batch.fresh = List.of(negative("1", "weibo:1", 0), negative("2", "weibo:1", 1));
        batch.assignment = new StoryAssigner.Assignment(List.of("weibo:1", "weibo:1"), Map.of(), Set.of("weibo:1"));
        new SignalsStage(Stories.inMemory(1_000).book()).apply(batch);
        assertEquals(Set.of("weibo:1"), batch.stories.keySet());
        assertEquals(2, batch.stories.get("weibo:1").size());
    }
}
