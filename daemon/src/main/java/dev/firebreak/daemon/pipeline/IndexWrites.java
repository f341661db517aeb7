package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.store.MentionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The index's writes on a thread of their own, so Lucene (a third of a batch's time on the pipeline's
 * worker) runs beside the later stages and the next batch's early ones, on the second core. Batches are
 * written in the order given (one thread). Writes become visible to searches at most
 * {@link #REFRESH_EVERY_NANOS} later (a near-real-time reader opened then, not after every batch: each
 * opening flushes a small segment, which Lucene must merge later). Whoever needs a batch's writes done
 * waits for them: the commit ({@link #commit}, which makes them durable and visible) and a dedup asking
 * whether marked mentions are stored ({@link #awaitVisible}). A failed write fails both, so the batch is
 * processed again. Called from the pipeline's one worker thread.
 */
final class IndexWrites implements AutoCloseable {
    private final MentionStore index;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "firebreak-index");
        t.setDaemon(true);
        return t;
    });
    /** Searches see writes at most this much later: 250 ms. */
    static final long REFRESH_EVERY_NANOS = 250_000_000L;

    private final List<Future<?>> pending = new ArrayList<>();
    /** Touched on the index thread only. */
    private long refreshedAt = System.nanoTime();
    private boolean dirty;

    IndexWrites(MentionStore index) {
        this.index = index;
    }

    /** Writes the batch in the background; visible to reads within {@link #REFRESH_EVERY_NANOS}. */
    void write(List<ScoredMention> fresh) {
        if (fresh.isEmpty()) return;
        pending.add(thread.submit(() -> {
            index.upsert(fresh);
            dirty = true;
            if (System.nanoTime() - refreshedAt >= REFRESH_EVERY_NANOS) refresh();
            return null;
        }));
    }

    private void refresh() throws java.io.IOException {
        index.refresh();
        refreshed();
    }

    /** On the index thread, after a reader over every write so far was opened (a refresh or a commit). */
    private void refreshed() {
        dirty = false;
        refreshedAt = System.nanoTime();
    }

    /** Waits for every write given so far and makes them visible to reads now; rethrows the first that failed. */
    void awaitVisible() throws Exception {
        pending.add(thread.submit(() -> {
            if (dirty) refresh();
            return null;
        }));
        awaitWritten();
    }

    /** Waits for every write given so far; rethrows the first that failed. */
    private void awaitWritten() throws Exception {
        try {
            for (Future<?> f : pending) f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pending.clear();
        }
    }

    /** Waits for the writes, then commits them. */
    void commit() throws Exception {
        awaitWritten();
        pending.add(thread.submit(() -> {
            index.commit();   // which also opens a reader: the writes are visible
            refreshed();
            return null;
        }));
        awaitWritten();
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
