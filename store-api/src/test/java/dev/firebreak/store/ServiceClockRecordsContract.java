package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ServiceClockRecords} does; a subclass gives each test an empty store of its own. */
public abstract class ServiceClockRecordsContract {
    protected ServiceClockRecords records;

    protected abstract ServiceClockRecords freshRecords() throws Exception;

    @BeforeEach
    void open() throws Exception {
        records = freshRecords();
    }

    @Test
    void clocksAreKeptByAlertAndReplacedBySaves() {
        assertEquals(Optional.empty(), records.get("a1"));
        records.save("a1", "s1", "{\"v\":1}", true);
        records.save("a1", "s1", "{\"v\":2}", true);
        assertEquals(Optional.of("{\"v\":2}"), records.get("a1"));
    }

    @Test
    void onlyAlertsWithARunningClockArePending() {
        assertEquals(List.of(), records.pending());
        records.save("a1", "s1", "{\"a\":1}", true);
        records.save("a2", "s2", "{\"a\":2}", true);
        records.save("a3", "s3", "{\"a\":3}", false);
        assertEquals(Set.of("{\"a\":1}", "{\"a\":2}"), Set.copyOf(records.pending()));
        records.save("a1", "s1", "{\"a\":1,\"met\":true}", false);
        assertEquals(List.of("{\"a\":2}"), records.pending());
        assertEquals(Optional.of("{\"a\":1,\"met\":true}"), records.get("a1"));
    }

    @Test
    void aStoryListsTheAlertsRaisedOnIt() {
        records.save("a1", "s1", "{}", true);
        records.save("a2", "s1", "{}", false);
        records.save("a3", "s2", "{}", true);
        records.save("a4", null, "{}", true);
        assertEquals(Set.of("a1", "a2"), Set.copyOf(records.ofStory("s1")));
        assertEquals(2, records.ofStory("s1").size());
        assertEquals(List.of("a3"), records.ofStory("s2"));
        assertEquals(List.of(), records.ofStory("nope"));
    }
}
