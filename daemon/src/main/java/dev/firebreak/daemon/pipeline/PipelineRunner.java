package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.Mention;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;

/**
 * Runs batches through the {@link Pipeline} one at a time on a dedicated worker thread, so feeds and
 * pushes never race on the same mention and no event loop ever blocks on Lucene or CoreNLP.
 */
public final class PipelineRunner implements AutoCloseable {
    private final Pipeline pipeline;
    private final WorkerExecutor worker;

    public PipelineRunner(Vertx vertx, Pipeline pipeline) {
        this.pipeline = pipeline;
        this.worker = vertx.createSharedWorkerExecutor("firebreak-pipeline", 1);
    }

    public Future<BatchOutcome> submit(List<Mention> batch) {
        long arrival = System.nanoTime();
        return worker.executeBlocking(() -> pipeline.process(batch, arrival), true);
    }

    /** Counter observations into their stories, on the same worker, after the batches before them. */
    public Future<Void> observe(List<dev.firebreak.core.CounterObservation> observations) {
        if (observations.isEmpty()) return Future.succeededFuture();
        return worker.executeBlocking(() -> {
            pipeline.observe(observations);
            return null;
        }, true);
    }

    /** Runs other work that must not interleave with a batch (rule reloads, escalation) on the same worker. */
    public <T> Future<T> onWorker(java.util.concurrent.Callable<T> work) {
        return worker.executeBlocking(work, true);
    }

    @Override
    public void close() {
        worker.close();
    }
}
