package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.mention;
import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.Mention;
import dev.firebreak.store.memory.InMemoryMentionStore;
import dev.firebreak.store.memory.InMemoryStateStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupStageTest {
    @Test
    void mentionsAlreadyProcessedAreDropped() throws Exception {
        InMemoryStateStore state = new InMemoryStateStore();
        InMemoryMentionStore index = new InMemoryMentionStore();
        index.upsert(List.of(negative("1", "s1", 0)));
        index.commit();
        state.markSeen(List.of("weibo:1")).toCompletableFuture().get();
        Batch batch = new Batch(List.of(mention("1", "a", 0), mention("2", "b", 0)), 0);
        new NormaliseStage().apply(batch);
        new DedupStage(state, index).apply(batch);
        assertEquals(List.of("weibo:2"), batch.unseen.stream().map(Mention::key).toList());
    }

    @Test
    void aMentionMarkedSeenThatTheIndexLacksIsProcessedAgain() throws Exception {
        // The index lost weibo:1 (a deleted folder, an older backup restored); the seen-set still marks it.
        InMemoryStateStore state = new InMemoryStateStore();
        InMemoryMentionStore index = new InMemoryMentionStore();
        index.upsert(List.of(negative("2", "s1", 0)));
        index.commit();
        state.markSeen(List.of("weibo:1", "weibo:2")).toCompletableFuture().get();
        Batch batch = new Batch(List.of(mention("1", "a", 0), mention("2", "b", 0), mention("3", "c", 0)), 0);
        new NormaliseStage().apply(batch);
        new DedupStage(state, index).apply(batch);
        assertEquals(List.of("weibo:1", "weibo:3"), batch.unseen.stream().map(Mention::key).sorted().toList());
    }
}
