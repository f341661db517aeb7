package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.store.MentionStore;
import dev.firebreak.store.memory.InMemoryMentionStore;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndexStageTest {
    @Test
    void newMentionsAreWrittenInTheBackgroundAndTheCommitWaitsForThem() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        InMemoryMentionStore memory = new InMemoryMentionStore();
        MentionStore index = around(memory, (method, args) -> {
            if (method.equals("commit")) commits.incrementAndGet();
        });
        try (IndexWrites writes = new IndexWrites(index)) {
            Batch batch = new Batch(List.of(), 0);
            batch.fresh = List.of(negative("1", "s1", 0), negative("2", "s1", 1));
            new IndexStage(writes).apply(batch);
            writes.awaitVisible();
            // The in-memory store's refresh is a commit: written and visible, as Lucene's near-real-time reader.
            assertEquals(2, index.count());
            assertTrue(index.get(batch.fresh.get(0).key()).isPresent());
            int before = commits.get();
            writes.commit();
            assertEquals(before + 1, commits.get());
        }
    }

    @Test
    void aFailedWriteFailsTheCommitThatCoversIt() throws Exception {
        MentionStore broken = around(new InMemoryMentionStore(), (method, args) -> {
            if (method.equals("upsert")) throw new IOException("disk full");
        });
        try (IndexWrites writes = new IndexWrites(broken)) {
            Batch batch = new Batch(List.of(), 0);
            batch.fresh = List.of(negative("1", "s1", 0));
            new IndexStage(writes).apply(batch);
            Exception e = assertThrows(Exception.class, writes::commit);
            assertTrue(String.valueOf(e.getMessage()).contains("disk full"), e.toString());
        }
    }

    interface Before {
        void call(String method, Object[] args) throws Exception;
    }

    /** The store, with {@code before} run ahead of each call (counting, or failing it). */
    private static MentionStore around(MentionStore store, Before before) {
        return (MentionStore) Proxy.newProxyInstance(MentionStore.class.getClassLoader(), new Class<?>[] {MentionStore.class},
                (proxy, method, args) -> {
                    before.call(method.getName(), args);
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
