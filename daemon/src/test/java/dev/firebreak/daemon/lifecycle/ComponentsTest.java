package dev.firebreak.daemon.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner alone, with fake components that write what happened to them into one journal. */
class ComponentsTest {
    private final List<String> journal = new ArrayList<>();

    private final class Fake implements Component {
        private final String name;
        private final boolean startFails;
        private final boolean stopFails;

        Fake(String name, boolean startFails, boolean stopFails) {
            this.name = name;
            this.startFails = startFails;
            this.stopFails = stopFails;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Future<Void> start() {
            journal.add("start " + name);
            return startFails ? Future.failedFuture(new IllegalStateException(name + " is broken")) : Future.succeededFuture();
        }

        @Override
        public Future<Void> stop() {
            journal.add("stop " + name);
            return stopFails ? Future.failedFuture(new IllegalStateException("stuck")) : Future.succeededFuture();
        }
    }

    private Fake ok(String name) {
        return new Fake(name, false, false);
    }

    @Test
    void startsInOrderAndStopsInReverse() {
        Components all = new Components(List.of(ok("redis"), ok("index"), ok("http")));
        assertTrue(all.start().succeeded());
        assertEquals(List.of("redis", "index", "http"), all.running());
        assertTrue(all.stop().succeeded());
        assertEquals(List.of("start redis", "start index", "start http", "stop http", "stop index", "stop redis"), journal);
        assertEquals(List.of(), all.running());
    }

    @Test
    void aFailedStartStopsWhatStartedInReverseAndNamesTheComponent() {
        Components all = new Components(List.of(ok("redis"), ok("index"), new Fake("pipeline", true, false), ok("http")));
        Future<Void> started = all.start();
        assertTrue(started.failed());
        ComponentStartException e = assertInstanceOf(ComponentStartException.class, started.cause());
        assertEquals("pipeline", e.component());
        assertEquals("component \"pipeline\" did not start: pipeline is broken", e.getMessage());
        assertEquals("pipeline is broken", e.getCause().getMessage());
        assertEquals(List.of("start redis", "start index", "start pipeline", "stop index", "stop redis"), journal,
                "the failed one is not stopped, the later one never started");
    }

    @Test
    void aStartThatThrowsCountsAsFailed() {
        Component throwing = new Component() {
            @Override
            public String name() {
                return "models";
            }

            @Override
            public Future<Void> start() {
                throw new IllegalArgumentException("no model file");
            }

            @Override
            public Future<Void> stop() {
                return Future.succeededFuture();
            }
        };
        Future<Void> started = new Components(List.of(ok("redis"), throwing)).start();
        assertEquals("component \"models\" did not start: no model file", started.cause().getMessage());
        assertEquals(List.of("start redis", "stop redis"), journal);
    }

    @Test
    void aFailedStopDoesNotKeepTheOthersRunning() {
        Components all = new Components(List.of(ok("redis"), new Fake("index", false, true), ok("http")));
        all.start();
        Future<Void> stopped = all.stop();
        assertEquals(List.of("stop http", "stop index", "stop redis"), journal.subList(3, 6));
        assertTrue(stopped.failed());
        assertEquals("did not stop cleanly: index", stopped.cause().getMessage());
    }

    @Test
    void theNextComponentWaitsForTheOneBeforeToFinishStarting() {
        Promise<Void> slow = Promise.promise();
        Component waiting = new Component() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public Future<Void> start() {
                journal.add("start redis");
                return slow.future();
            }

            @Override
            public Future<Void> stop() {
                return Future.succeededFuture();
            }
        };
        Future<Void> started = new Components(List.of(waiting, ok("index"))).start();
        assertEquals(List.of("start redis"), journal);
        slow.complete();
        assertTrue(started.succeeded());
        assertEquals(List.of("start redis", "start index"), journal);
    }
}
