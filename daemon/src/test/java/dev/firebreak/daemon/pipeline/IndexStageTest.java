package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.store.memory.InMemoryMentionStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexStageTest {
    @Test
    void newMentionsAreIndexedAndCommitted() throws Exception {
        // The in-memory store, like Lucene, shows writes only after commit: a count of 2 means committed.
        InMemoryMentionStore index = new InMemoryMentionStore();
        Batch batch = new Batch(List.of(), 0);
        batch.fresh = List.of(negative("1", "s1", 0), negative("2", "s1", 1));
        new IndexStage(index).apply(batch);
        assertEquals(2, index.count());
        assertTrue(index.get(batch.fresh.get(0).key()).isPresent());
    }
}
