package dev.firebreak.store.memory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.store.StateStore;
import dev.firebreak.store.StateStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest extends StateStoreContract {
    @Override
    protected StateStore freshStore() {
        return new InMemoryStateStore();
    }

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-20T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** As the Redis keys expire: a delivery id is remembered for a day, then a retry is taken again. */
    @Test
    void aDeliveryIdIsForgottenAfterADay() throws Exception {
        HandClock clock = new HandClock();
        StateStore timed = new InMemoryStateStore(clock);
        assertTrue(get(timed.firstDelivery("douyin", "msg-1")));
        clock.now = clock.now.plus(Duration.ofHours(23));
        assertFalse(get(timed.firstDelivery("douyin", "msg-1")));
        clock.now = clock.now.plus(Duration.ofHours(1));
        assertTrue(get(timed.firstDelivery("douyin", "msg-1")));
        assertFalse(get(timed.firstDelivery("douyin", "msg-1")), "taken again, it is remembered again");
    }
}
