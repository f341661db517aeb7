package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.Mention;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs batches through the {@link Pipeline} one at a time on a dedicated worker thread, so feeds and
 * pushes never race on the same mention and no event loop ever blocks on Lucene or CoreNLP.
 *
 * <p>Work is queued from the runner's own context, not the caller's: Vert.x interrupts the blocking tasks of
 * a context that closes, so a batch pushed over HTTP was interrupted mid-write (Lucene closes its files on an
 * interrupt, losing its write lock) when HTTP was undeployed at shutdown, and the ones queued behind it were
 * dropped. Results still reach the caller on its own context.
 */
public final class PipelineRunner implements AutoCloseable {
    private final Pipeline pipeline;
    private final WorkerExecutor worker;
    private final Context own;

    /** Make it on a thread outside Vert.x (the components' start), so it gets a context of its own. */
    public PipelineRunner(Vertx vertx, Pipeline pipeline) {
        this.pipeline = pipeline;
        this.worker = vertx.createSharedWorkerExecutor("firebreak-pipeline", 1);
        this.own = vertx.getOrCreateContext();
    }

    public Future<BatchOutcome> submit(List<Mention> batch) {
        long arrival = System.nanoTime();
        return onWorker(() -> pipeline.process(batch, arrival));
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

    @Override
    public void close() {
        worker.close();
    }
}
