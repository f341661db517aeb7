package dev.firebreak.store.memory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.store.StateStore;
import dev.firebreak.store.StateStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest extends StateStoreContract {
    @Override
    protected StateStore freshStore() {
        return new InMemoryStateStore();
    }

    /** As the Redis keys expire: a delivery id is remembered for a day, then a retry is taken again. */
    @Test
    void aDeliveryIdIsForgottenAfterADay() throws Exception {
        HandClock clock = new HandClock();
        StateStore timed = new InMemoryStateStore(clock);
        assertTrue(get(timed.firstDelivery("douyin", "msg-1")));
        clock.advance(Duration.ofHours(23));
        assertFalse(get(timed.firstDelivery("douyin", "msg-1")));
        clock.advance(Duration.ofHours(1));
        assertTrue(get(timed.firstDelivery("douyin", "msg-1")));
        assertFalse(get(timed.firstDelivery("douyin", "msg-1")), "taken again, it is remembered again");
    }
}
