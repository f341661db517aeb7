package dev.firebreak.daemon.runtime;

import static dev.firebreak.daemon.testing.AlertingFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.core.Mention;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.pipeline.Batch;
import dev.firebreak.daemon.pipeline.Pipeline;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.daemon.pipeline.Stage;
import dev.firebreak.store.StateStore;
import dev.firebreak.store.memory.InMemoryStateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A feed with a backlog, polled ahead of the pipeline: every page processed, cursors saved in order and
 * each only after the commit covering its batch, and a failed batch retried from the last saved cursor.
 */
class FeedLoopPipeliningTest {
    private static final int PAGES = 30;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Pages 0..PAGES-1 of 10 mentions each; the cursor is the next page's number. */
    private static final class Backlog implements PollTask {
        final List<Integer> polled = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean overlapped;
        /** How far polling ran ahead of the cursor saves: the page polled less the last cursor saved, at its most. */
        volatile int ahead;
        List<Integer> saves = List.of();

        @Override
        public Future<PollResult> poll(String cursor) {
            int page = cursor == null ? 0 : Integer.parseInt(cursor);
            polled.add(page);
            synchronized (saves) {
                int lastSaved = saves.isEmpty() ? 0 : saves.get(saves.size() - 1);
                ahead = Math.max(ahead, page - lastSaved);
            }
            if (inFlight.incrementAndGet() > 1) overlapped = true;
            List<Mention> mentions = new ArrayList<>();
            for (int i = 0; i < 10; i++) mentions.add(mention(page + "-" + i, "第" + page + "页", page));
            PollResult result = new PollResult(mentions, List.of(), Integer.toString(page + 1), Duration.ZERO, page == PAGES - 1);
            return Future.succeededFuture(result).onComplete(x -> inFlight.decrementAndGet());
        }

        @Override
        public void stop() { }
    }

    @Test
    void aBacklogIsPolledAheadAndItsCursorsSavedInOrderOnlyAfterTheirCommits() throws Exception {
        List<Integer> processed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger committedThrough = new AtomicInteger(-1);
        AtomicInteger lastProcessed = new AtomicInteger(-1);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Stage record = new Stage() {
            @Override
            public String name() {
                return "record";
            }

            @Override
            public void apply(Batch batch) throws Exception {
                int page = Integer.parseInt(batch.received().get(0).id().split("-")[0]);
                if (page == 12 && failOnce.getAndSet(false)) throw new java.io.IOException("Redis went away");
                Thread.sleep(20);   // a batch takes a while, as Lucene's does: polling runs ahead meanwhile
                processed.add(page);
                lastProcessed.set(page);
            }
        };
        Pipeline pipeline = new Pipeline(List.of(record), o -> { }, () -> committedThrough.set(lastProcessed.get()));
        InMemoryStateStore memory = new InMemoryStateStore();
        List<Integer> saved = Collections.synchronizedList(new ArrayList<>());
        List<String> early = Collections.synchronizedList(new ArrayList<>());
        StateStore state = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(), new Class<?>[] {StateStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("saveCursor")) {
                        int cursor = Integer.parseInt((String) args[1]);
                        saved.add(cursor);
                        // The batch of page cursor-1 must be committed before its cursor is saved.
                        if (committedThrough.get() < cursor - 1) early.add("cursor " + cursor + " saved with commits through " + committedThrough.get());
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CountDownLatch made = new CountDownLatch(1);
        PipelineRunner[] runner = new PipelineRunner[1];
        FeedLoop[] loop = new FeedLoop[1];
        Backlog task = new Backlog();
        task.saves = saved;
        Thread outside = new Thread(() -> {
            runner[0] = new PipelineRunner(vertx, pipeline);
            FeedServices services = new FeedServices(state, runner[0], new StoryWatchlist(state, Duration.ofHours(1)), p -> { },
                    new OperatorAlerts(new AlertPublisher(state), runner[0], Clock.systemUTC()));
            loop[0] = new FeedLoop(vertx, new Feed("replay", "backlog"), "replay", task, services, new AccountState());
            made.countDown();
        });
        outside.start();
        assertTrue(made.await(10, TimeUnit.SECONDS));
        vertx.runOnContext(v -> loop[0].start());
        loop[0].finished().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        runner[0].close();

        List<Integer> distinct = processed.stream().distinct().sorted().toList();
        assertEquals(PAGES, distinct.size(), "every page processed: " + processed);
        assertEquals(List.of(), early, "no cursor saved before its batch's commit");
        for (int i = 1; i < saved.size(); i++) {
            assertTrue(saved.get(i) > saved.get(i - 1), "cursors saved in order: " + saved);
        }
        assertEquals(PAGES, saved.get(saved.size() - 1));
        assertTrue(!saved.contains(13) || saved.indexOf(13) > 0 && processed.indexOf(12) >= 0, "page 12's cursor only once it was processed");
        int retried = task.polled.lastIndexOf(12);
        assertTrue(retried > task.polled.indexOf(12), "the failed page was polled again: " + task.polled);
        assertTrue(task.polled.size() > PAGES, "pages after the failed one were polled again too");
        assertEquals(false, task.overlapped, "never two polls at once");
        assertTrue(task.ahead >= 3, "polling runs ahead of the saves (at most 8 batches unsaved): " + task.ahead);
        assertTrue(task.ahead <= FeedLoop.MAX_UNSAVED, "but no further than the bound: " + task.ahead);
    }
}
