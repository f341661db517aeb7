package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.store.memory.InMemoryStateStore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkSeenStageTest {
    @Test
    void theNewMentionsAreMarkedSeen() throws Exception {
        InMemoryStateStore state = new InMemoryStateStore();
        Batch batch = new Batch(List.of(), 0);
        batch.fresh = List.of(negative("1", "s1", 0), negative("2", "s1", 0));
        new MarkSeenStage(state).apply(batch);
        assertEquals(Set.of("weibo:1", "weibo:2"), state.seen(List.of("weibo:1", "weibo:2", "weibo:3")).toCompletableFuture().get());
    }
}
