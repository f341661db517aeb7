package dev.firebreak.daemon.serviceclock;

import java.time.Instant;

/**
 * The one "now" of the clocks' timer, kept in one place until the daemon has a single explicit clock for
 * risk and escalation: the newest event time the pipeline has seen; after a minute with no newer one,
 * moved on by the wall-clock time since (a quiet live stream still reaches its deadlines). Live, event
 * time is the wall clock, so this is the wall clock; in a replay it follows the stream, so a demo from
 * last month does not breach every clock the moment it starts, and a replay's clocks do not depend on
 * how long the daemon runs after it. Before the first mention after a start it is unknown (empty): the
 * timer waits rather than judge by the wall clock.
 */
public final class ClockTime {
    /** How long without a newer event before the wall clock moves the clocks on. */
    static final long QUIET_NANOS = 60_000_000_000L;
    private Instant latestEvent;
    private long seenAtNanos;

    public synchronized void sawEvent(Instant at) {
        if (latestEvent == null || at.isAfter(latestEvent)) {
            latestEvent = at;
            seenAtNanos = System.nanoTime();
        }
    }

    public synchronized java.util.Optional<Instant> now() {
        if (latestEvent == null) return java.util.Optional.empty();
        long quiet = System.nanoTime() - seenAtNanos;
        return java.util.Optional.of(quiet < QUIET_NANOS ? latestEvent : latestEvent.plusNanos(quiet));
    }
}
