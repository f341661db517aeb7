package dev.firebreak.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class EventClockTest {
    static final Instant T = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void inEventTimeNowIsTheNewestEventSeenAndNeverGoesBack() {
        EventClock clock = EventClock.eventTime();
        assertFalse(clock.started());
        assertEquals(Instant.MIN, clock.now(), "nothing is due before the first event");
        clock.saw(T.plusSeconds(60));
        clock.saw(T);                                   // a late, older mention
        assertEquals(T.plusSeconds(60), clock.now());
        assertEquals(T, clock.startOf(T), "a timer an event starts begins at the event's time");
        assertTrue(clock.followsEvents());
    }

    @Test
    void liveNowIsTheWallClockWhateverTheEventsSay() {
        Instant wall = Instant.parse("2026-12-07T10:00:00Z");
        EventClock clock = EventClock.wall(InstantSource.fixed(wall));
        clock.saw(T.plusSeconds(86_400 * 30));          // a stream stamped ahead
        assertEquals(wall, clock.now());
        assertEquals(wall.toEpochMilli(), clock.millis());
        assertEquals(wall, clock.startOf(T), "a timer starts when the event reached Firebreak");
        assertTrue(clock.started());
        assertFalse(clock.followsEvents());
    }
}
