package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.Mention;
import dev.firebreak.store.memory.InMemoryStateStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupStageTest {
    @Test
    void mentionsAlreadyProcessedAreDropped() throws Exception {
        InMemoryStateStore state = new InMemoryStateStore();
        state.markSeen(List.of("weibo:1")).toCompletableFuture().get();
        Batch batch = new Batch(List.of(mention("1", "a", 0), mention("2", "b", 0)), 0);
        new NormaliseStage().apply(batch);
        new DedupStage(state).apply(batch);
        assertEquals(List.of("weibo:2"), batch.unseen.stream().map(Mention::key).toList());
    }
}
