package dev.firebreak.core;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Firebreak's one "now": what a story's risk fades against, when escalation steps fall due, and what
 * service clocks count on. There is one per running pipeline, shared by the story book and the alerting.
 *
 * <p>Why two kinds. A <em>replay</em> ({@code firebreak replay}, {@code rules backtest}, a benchmark)
 * runs a week of mentions in a minute: its "now" must be the stream's own time, the newest event time
 * seen, or nothing would ever fall due and every story would look fresh. A <em>live</em> daemon serves
 * people, who work on the wall clock: a timer there counts real minutes, a story fades while the world
 * is quiet, and neither a restart, a late poll nor a stream stamped ahead of the wall clock (the demo
 * played ten times faster) moves "now". Mixing the two — wall-clock timers over event-time alerts, or
 * fading up to the newest mention whatever its source — is what made demo alerts escalate at once and a
 * restart read risks differently.
 *
 * <p>Thread-safe: the pipeline's worker moves it, the HTTP routes read it.
 */
public final class EventClock {
    private static final long NONE = Long.MIN_VALUE;

    private final InstantSource wall;          // null: event time
    private final AtomicLong newestEvent = new AtomicLong(NONE);

    private EventClock(InstantSource wall) {
        this.wall = wall;
    }

    /** Live: the system's wall clock. */
    public static EventClock wall() {
        return new EventClock(InstantSource.system());
    }

    /** Live, on {@code source} (tests move it by hand). */
    public static EventClock wall(InstantSource source) {
        return new EventClock(source);
    }

    /** A replay: now is the newest event time seen so far. */
    public static EventClock eventTime() {
        return new EventClock(null);
    }

    public boolean followsEvents() {
        return wall == null;
    }

    /** An event of this time was taken in: in event time "now" moves up to it (never back); live it changes nothing. */
    public void saw(Instant eventTime) {
        long at = eventTime.toEpochMilli();
        newestEvent.accumulateAndGet(at, Math::max);
    }

    /** Whether there is a "now" yet: live always; in event time once an event was seen. */
    public boolean started() {
        return wall != null || newestEvent.get() != NONE;
    }

    /** Now, in milliseconds since the epoch; {@link Long#MIN_VALUE} in event time before any event. */
    public long millis() {
        return wall == null ? newestEvent.get() : wall.millis();
    }

    /** Now; in event time before any event, {@link Instant#MIN} (nothing is due yet). */
    public Instant now() {
        if (wall != null) return wall.instant();
        long at = newestEvent.get();
        return at == NONE ? Instant.MIN : Instant.ofEpochMilli(at);
    }

    /**
     * When a timer that an event starts (an alert's escalation, a service clock) begins: the event's own
     * time in a replay; live, now — people could not act on it before it reached them, and a mention
     * fetched late or stamped ahead (a sped-up demo) must neither shorten nor lengthen the real wait.
     */
    public Instant startOf(Instant eventTime) {
        return wall == null ? eventTime : wall.instant();
    }

    @Override
    public String toString() {
        return wall == null ? "event time (now " + now() + ")" : "wall clock";
    }
}
