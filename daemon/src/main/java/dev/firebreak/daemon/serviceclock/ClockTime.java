package dev.firebreak.daemon.serviceclock;

import java.time.Instant;

/**
 * The one "now" of the clocks' timer, kept in one place until the daemon has a single explicit clock for
 * risk and escalation: the newest event time the pipeline has seen, moved on by the wall-clock time
 * since. Live, event time is the wall clock, so this is the wall clock; in a replay it follows the
 * stream, so a demo from last month does not breach every clock the moment it starts. Before the first
 * mention after a start it is unknown (empty): the timer waits rather than judge by the wall clock.
 */
public final class ClockTime {
    private Instant latestEvent;
    private long seenAtNanos;

    public synchronized void sawEvent(Instant at) {
        if (latestEvent == null || at.isAfter(now().orElseThrow())) {
            latestEvent = at;
            seenAtNanos = System.nanoTime();
        }
    }

    public synchronized java.util.Optional<Instant> now() {
        return latestEvent == null ? java.util.Optional.empty()
                : java.util.Optional.of(latestEvent.plusNanos(System.nanoTime() - seenAtNanos));
    }
}
