package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit: batches submitted back to back share commits; each is durable only after one covering it. */
class PipelineRunnerTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Stage slow(AtomicInteger processed) {
        return new Stage() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public void apply(Batch batch) throws Exception {
                Thread.sleep(15);
                if (batch.received().get(0).text().equals("fail")) throw new java.io.IOException("disk full");
                processed.incrementAndGet();
            }
        };
    }

    @Test
    void batchesWaitingBehindEachOtherShareACommitAndNoneIsDurableBeforeIt() throws Exception {
        AtomicInteger processed = new AtomicInteger();
        AtomicInteger commits = new AtomicInteger();
        AtomicInteger coveredAtLastCommit = new AtomicInteger();
        PipelineRunner runner = new PipelineRunner(vertx, new Pipeline(List.of(slow(processed)), o -> { }, () -> {
            commits.incrementAndGet();
            coveredAtLastCommit.set(processed.get());
        }));
        List<PipelineRunner.Submitted> submitted = new ArrayList<>();
        for (int i = 0; i < 10; i++) submitted.add(runner.submitStaged(List.of(mention("m" + i, "第" + i + "条", i))));
        for (int i = 0; i < submitted.size(); i++) {
            submitted.get(i).durable().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(coveredAtLastCommit.get() >= i + 1, "batch " + i + " durable only after a commit covering it");
        }
        assertTrue(commits.get() < 10, "ten batches queued back to back share commits: " + commits.get());
        // A lone batch is committed at once, not after the interval.
        long t0 = System.nanoTime();
        runner.submit(List.of(mention("lone", "一条", 0))).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < PipelineRunner.COMMIT_EVERY_NANOS, "committed as soon as nothing waits");
        runner.close();
    }

    @Test
    void aFailedBatchFailsOnlyItselfTheOnesBeforeItAreStillMadeDurable() throws Exception {
        AtomicInteger processed = new AtomicInteger();
        AtomicInteger commits = new AtomicInteger();
        PipelineRunner runner = new PipelineRunner(vertx, new Pipeline(List.of(slow(processed)), o -> { }, commits::incrementAndGet));
        var before = runner.submitStaged(List.of(mention("a", "好的", 0)));
        var failing = runner.submitStaged(List.of(mention("b", "fail", 1)));
        assertEquals(1, before.durable().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).received());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> failing.durable().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("disk full"), e.toString());
        assertTrue(commits.get() >= 1);
        runner.close();
    }
}
