package dev.firebreak.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The choice of what a dispatcher sends next, on its own: no Redis, no clock. */
class NextSendTest {
    static final long T0 = 1_800_000_000_000L;

    final Map<String, TrackedDelivery> pending = new LinkedHashMap<>();
    final List<Long> sentTimes = new ArrayList<>();
    final EndpointState state = new EndpointState();

    final Map<String, Integer> versions = new HashMap<>();

    /** Queues the next version of a story; its id is story + version, e.g. "a2". */
    TrackedDelivery queue(String story) {
        int version = versions.merge(story, 1, Integer::sum);
        TrackedDelivery t = new TrackedDelivery(new Delivery(story + version, "ep", "alert-" + story, story, version,
                false, "{}", T0));
        pending.put(t.id(), t);
        return t;
    }

    NextSend choose(int perMinute, long now) {
        return NextSend.choose(pending.values(), state, perMinute,
                from -> sentTimes.stream().filter(at -> at >= from).toList(), now);
    }

    /** Sends what is chosen (as the dispatcher would, all delivered) and returns its ids. */
    List<String> sendNext(int perMinute, long now) {
        NextSend next = choose(perMinute, now);
        assertTrue(next.sends(), "something to send at " + (now - T0));
        List<String> ids = next.batch().stream().map(TrackedDelivery::id).toList();
        ids.forEach(pending::remove);
        sentTimes.add(now);
        return ids;
    }

    @Test
    void aStorysLaterVersionNeverOvertakesAnEarlierPendingOne() {
        TrackedDelivery a1 = queue("a");
        queue("a");
        queue("b");
        a1.nextAt = T0 + 5_000;   // a1 failed once and waits out its backoff; a2 is due, b1 too
        assertEquals(List.of("b1"), sendNext(NextSend.UNLIMITED, T0 + 1));
        NextSend next = choose(NextSend.UNLIMITED, T0 + 2);
        assertFalse(next.sends(), "a2 waits for a1: " + next.batch());
        assertEquals(T0 + 5_000, next.wakeAt());
        assertEquals(List.of("a1"), sendNext(NextSend.UNLIMITED, T0 + 5_000));
        assertEquals(List.of("a2"), sendNext(NextSend.UNLIMITED, T0 + 5_000));
    }

    @Test
    void budgetThreeWithTenPendingIsTwoSinglesThenADigestOfTheEightInStoryOrder() {
        for (String story : List.of("a", "b", "a", "c", "b", "a", "d", "c", "b", "a")) {
            queue(story);
        }
        assertEquals(List.of("a1"), sendNext(3, T0));
        assertEquals(List.of("b1"), sendNext(3, T0 + 10), "b1 is ahead of a2 in the queue");
        assertEquals(List.of("a2", "c1", "b2", "a3", "d1", "c2", "b3", "a4"), sendNext(3, T0 + 20),
                "the minute's last message carries the other eight, each story in order");
        assertTrue(pending.isEmpty());
        queue("e");
        NextSend next = choose(3, T0 + 30);
        assertFalse(next.sends(), "the budget is spent");
        assertEquals(T0 + NextSend.MINUTE + 1, next.wakeAt(), "until the first send leaves the rolling minute");
        assertEquals(List.of("e1"), sendNext(3, next.wakeAt()));
    }

    @Test
    void theBudgetsLastMessageIsASingleWhenOnlyOneIsReady() {
        queue("a");
        queue("b");
        assertEquals(List.of("a1"), sendNext(2, T0));
        assertEquals(List.of("b1"), sendNext(2, T0 + 1));
    }

    @Test
    void aPauseOrAnOpenBreakerHoldsEverythingAndAHalfOpenBreakerSendsOneProbe() {
        TrackedDelivery a1 = queue("a");
        queue("b");
        state.pausedUntil = T0 + 300_000;   // Retry-After: 300
        assertEquals(T0 + 300_000, choose(NextSend.UNLIMITED, T0).wakeAt());
        state.pausedUntil = 0;
        state.openUntil = T0 + 30_000;
        assertEquals(T0 + 30_000, choose(NextSend.UNLIMITED, T0).wakeAt());
        a1.nextAt = T0 + 600_000;
        NextSend probe = choose(20, T0 + 30_000);
        assertTrue(probe.probe());
        assertEquals(List.of(a1), probe.batch(), "the first story's oldest goes alone, backoff or not");
    }
}
