package dev.firebreak.daemon.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.store.memory.InMemoryStateStore;
import dev.firebreak.stories.StoryAssigner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryLinksStageTest {
    @Test
    void theLinksTheBatchMadeAreSaved() throws Exception {
        InMemoryStateStore state = new InMemoryStateStore();
        Batch batch = new Batch(List.of(), 0);
        batch.assignment = new StoryAssigner.Assignment(List.of("weibo:1"), Map.of("weibo:2", "weibo:1"), Set.of());
        new StoryLinksStage(state).apply(batch);
        assertEquals(Map.of("weibo:2", "weibo:1"), state.storyLinks(List.of("weibo:2")).toCompletableFuture().get());
    }
}
