package dev.firebreak.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.store.DeliveryRecords;
import dev.firebreak.store.DeliveryRecordsContract;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryDeliveryRecordsTest extends DeliveryRecordsContract {
    @Override
    protected DeliveryRecords freshRecords(int logKeep) {
        return new InMemoryDeliveryRecords(logKeep, new HandClock());
    }

    /** As the Redis key expires: who holds an alert is remembered for 30 days from the last addition. */
    @Test
    void holdersAreForgottenThirtyDaysAfterTheLastAddition() {
        HandClock clock = new HandClock();
        InMemoryDeliveryRecords timed = new InMemoryDeliveryRecords(3, clock);
        timed.hold("a1", List.of("ep1"));
        clock.advance(Duration.ofDays(20));
        timed.hold("a1", List.of("ep2"));
        clock.advance(Duration.ofDays(20));
        assertEquals(Set.of("ep1", "ep2"), timed.holders("a1"));
        clock.advance(Duration.ofDays(10));
        assertEquals(Set.of(), timed.holders("a1"));
    }
}
