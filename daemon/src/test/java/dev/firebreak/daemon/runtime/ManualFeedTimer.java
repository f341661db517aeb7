package dev.firebreak.daemon.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A feed timer the test fires by hand: it remembers each delay asked for and runs the action when told.
 * With a {@link SimulatedClock}, firing a timer first moves the clock on by the timer's delay, so the
 * loop sees the time it asked for. Thread-safe: a poll that completes on an event loop schedules the
 * next timer while the test thread watches.
 */
final class ManualFeedTimer implements FeedTimer {
    private record Scheduled(long id, Duration delay, Runnable action) { }

    private final List<Scheduled> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final SimulatedClock clock;
    private long nextId;

    ManualFeedTimer() {
        this(null);
    }

    ManualFeedTimer(SimulatedClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized long schedule(Duration delay, Runnable action) {
        long id = nextId++;
        scheduled.add(new Scheduled(id, delay, action));
        delays.add(delay);
        return id;
    }

    @Override
    public synchronized void cancel(long id) {
        scheduled.removeIf(s -> s.id() == id);
    }

    /** Every delay asked for so far, in order. */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    synchronized boolean pending() {
        return !scheduled.isEmpty();
    }

    /** Fires the oldest pending timer (after moving the simulated clock on by its delay, if there is one). */
    void fire() {
        Scheduled next;
        synchronized (this) {
            if (scheduled.isEmpty()) throw new AssertionError("no timer pending");
            next = scheduled.remove(0);
        }
        if (clock != null) {
            clock.advance(next.delay());
        }
        next.action().run();
    }

    /** A clock that moves only when told; its zoned views move with it. */
    static final class SimulatedClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        SimulatedClock(Instant start) {
            this(new AtomicReference<>(start), ZoneOffset.UTC);
        }

        private SimulatedClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new SimulatedClock(now, other);
        }
    }
}
