package dev.firebreak.daemon.alerting;

import static dev.firebreak.daemon.testing.AlertingFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Severity;
import dev.firebreak.core.Story;
import dev.firebreak.rules.engine.Decision;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateThrottleTest {
    private final UpdateThrottle throttle = new UpdateThrottle();

    private static Alert sized(long size, AlertStatus status) {
        return new Alert("a1", "neg", "1", Severity.P2, "s1", OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                "negative", List.of(), new Story.Figures(size, 0, null, 0), status);
    }

    private static Decision update(long size, boolean raised) {
        return new Decision(Decision.Kind.UPDATE, null, "s1", sized(size, null), raised, raised, null, null, null, null);
    }

    @Test
    void smallGrowthWithinFiveMinutesIsHeldBack() {
        throttle.fired(sized(100, AlertStatus.FIRING), at(0));
        assertTrue(throttle.admit(update(110, false), at(1)).isEmpty());
        assertTrue(throttle.admit(update(120, false), at(2)).isEmpty());
        assertEquals(1, throttle.held(), "the latest version of the alert waits");
    }

    @Test
    void growthByAQuarterFiveMinutesOrARaisePublishes() {
        throttle.fired(sized(100, AlertStatus.FIRING), at(0));
        Alert grown = throttle.admit(update(125, false), at(1)).orElseThrow();
        assertEquals(AlertStatus.FIRING, grown.status(), "an update without a status is firing");
        assertTrue(throttle.admit(update(126, false), at(5)).isEmpty(), "five minutes count from the last publish");
        assertTrue(throttle.admit(update(127, false), at(7)).isPresent(), "five minutes since the last publish");
        assertTrue(throttle.admit(update(128, true), at(7)).isPresent(), "a worse rule raised it");
        assertEquals(0, throttle.held());
    }

    @Test
    void flushRecordsTheLatestHeldVersionOfEachAlert() throws Exception {
        throttle.fired(sized(100, AlertStatus.FIRING), at(0));
        throttle.admit(update(110, false), at(1));
        throttle.admit(update(120, false), at(2));
        List<AlertVersion> out = new ArrayList<>();
        throttle.flush(v -> out.add(v));
        assertEquals(1, out.size());
        assertEquals(120, out.get(0).alert().story().size());
        assertTrue(out.get(0).followUp());
        assertEquals(0, throttle.held());
        assertTrue(throttle.admit(update(130, false), at(3)).isEmpty(), "growth counts from the flushed size");
    }
}
