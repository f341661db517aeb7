package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.Mention;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs batches through the {@link Pipeline} one at a time on a dedicated worker thread, so feeds and
 * pushes never race on the same mention and no event loop ever blocks on Lucene or CoreNLP.
 *
 * <p>Group commit: a batch is written and visible when processed, and durable at the next commit,
 * which the runner makes when no other batch is waiting for the worker, or when the oldest batch not
 * yet durable has waited {@link #COMMIT_EVERY_NANOS}. A steady stream (a backlog, a replay at full
 * speed, many pushes) so commits a few times a second instead of once a batch; a lone batch is
 * committed at once. {@link #submit} answers after the commit, as before; {@link #submitStaged} also
 * says when the batch was processed, so a caller can hand over the next batch before this one is durable.
 *
 * <p>Work is queued from the runner's own context, not the caller's: Vert.x interrupts the blocking tasks of
 * a context that closes, so a batch pushed over HTTP was interrupted mid-write (Lucene closes its files on an
 * interrupt, losing its write lock) when HTTP was undeployed at shutdown, and the ones queued behind it were
 * dropped. Results still reach the caller on its own context.
 */
public final class PipelineRunner implements AutoCloseable {
    /** The longest a processed batch waits for its commit while others keep coming: 250 ms. */
    static final long COMMIT_EVERY_NANOS = 250_000_000L;

    /** A submitted batch: when it was processed (written, alerted on), and when it became durable. */
    public record Submitted(Future<BatchOutcome> processed, Future<BatchOutcome> durable) { }

    private record Undurable(BatchOutcome outcome, Promise<BatchOutcome> durable, Context caller, long processedNanos) { }

    private final Pipeline pipeline;
    private final WorkerExecutor worker;
    private final Context own;
    /** Batches submitted and not yet begun on the worker. */
    private final AtomicInteger waiting = new AtomicInteger();
    /** Batches processed and not yet committed; touched on the worker only. */
    private final List<Undurable> undurable = new ArrayList<>();

    /** Make it on a thread outside Vert.x (the components' start), so it gets a context of its own. */
    public PipelineRunner(Vertx vertx, Pipeline pipeline) {
        this.pipeline = pipeline;
        this.worker = vertx.createSharedWorkerExecutor("firebreak-pipeline", 1);
        this.own = vertx.getOrCreateContext();
    }

    /**
     * Batches submitted and not yet begun: how far the worker is behind. Push ingest refuses more (429)
     * beyond {@link #FULL}, so the queue never grows without bound.
     */
    public int waiting() {
        return waiting.get();
    }

    /** Batches waiting for the worker beyond which pushes are refused with 429: 64 (32,000 mentions at 500). */
    public static final int FULL = 64;

    /** Processes the batch; the future completes once it is durable (committed). */
    public Future<BatchOutcome> submit(List<Mention> batch) {
        return submitStaged(batch).durable();
    }

    /** Processes the batch; says when it was processed and when it became durable. */
    public Submitted submitStaged(List<Mention> batch) {
        long arrival = System.nanoTime();
        Context caller = Vertx.currentContext();
        Promise<BatchOutcome> durable = Promise.promise();
        waiting.incrementAndGet();
        Future<BatchOutcome> processed = onWorker(() -> {
            waiting.decrementAndGet();
            BatchOutcome outcome;
            try {
                outcome = pipeline.process(batch, arrival);
            } catch (Exception e) {
                commitOrFail();   // the batches before it are still made durable
                throw e;
            }
            undurable.add(new Undurable(outcome, durable, caller, System.nanoTime()));
            if (waiting.get() == 0 || System.nanoTime() - undurable.get(0).processedNanos() >= COMMIT_EVERY_NANOS) commitOrFail();
            return outcome;
        });
        processed.onFailure(durable::tryFail);
        return new Submitted(processed, durable.future());
    }

    /** Commits the batches processed so far and tells their callers; on a failed commit, fails them. */
    private void commitOrFail() {
        if (undurable.isEmpty()) return;
        List<Undurable> covered = List.copyOf(undurable);
        undurable.clear();
        Throwable failed = null;
        try {
            pipeline.commit();
        } catch (Exception e) {
            failed = e;
        }
        for (Undurable u : covered) {
            Throwable error = failed;
            Runnable tell = () -> {
                if (error == null) u.durable().tryComplete(u.outcome());
                else u.durable().tryFail(error);
            };
            if (u.caller() == null) tell.run();
            else u.caller().runOnContext(x -> tell.run());
        }
    }

    /** Counter observations into their stories, on the same worker, after the batches before them. */
    public Future<Void> observe(List<dev.firebreak.core.CounterObservation> observations) {
        if (observations.isEmpty()) return Future.succeededFuture();
        return onWorker(() -> {
            pipeline.observe(observations);
            return null;
        });
    }

    /** Runs other work that must not interleave with a batch (rule reloads, escalation) on the same worker. */
    public <T> Future<T> onWorker(Callable<T> work) {
        Context caller = Vertx.currentContext();
        Promise<T> done = Promise.promise();
        own.runOnContext(v -> worker.executeBlocking(work, true).onComplete(result -> {
            if (caller == null || caller == own) {
                done.handle(result);
            } else {
                caller.runOnContext(x -> done.handle(result));
            }
        }));
        return done.future();
    }

    /** Commits whatever is processed and not yet durable (on the worker), then closes the worker. */
    @Override
    public void close() {
        try {
            onWorker(() -> {
                commitOrFail();
                pipeline.close();
                return null;
            }).toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // The index's own close commits what is written; the callers waiting on durability are failed below.
        } finally {
            worker.close();
        }
    }
}
