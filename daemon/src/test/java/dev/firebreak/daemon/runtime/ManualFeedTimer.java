package dev.firebreak.daemon.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A feed timer the test fires by hand: it remembers each delay asked for and runs the action when told. */
final class ManualFeedTimer implements FeedTimer {
    private record Scheduled(long id, Duration delay, Runnable action) { }

    private final List<Scheduled> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private long nextId;

    @Override
    public long schedule(Duration delay, Runnable action) {
        long id = nextId++;
        scheduled.add(new Scheduled(id, delay, action));
        delays.add(delay);
        return id;
    }

    @Override
    public void cancel(long id) {
        scheduled.removeIf(s -> s.id() == id);
    }

    /** Every delay asked for so far, in order. */
    List<Duration> delays() {
        return List.copyOf(delays);
    }

    boolean pending() {
        return !scheduled.isEmpty();
    }

    /** Fires the oldest pending timer. */
    void fire() {
        if (scheduled.isEmpty()) throw new AssertionError("no timer pending");
        scheduled.remove(0).action().run();
    }
}
