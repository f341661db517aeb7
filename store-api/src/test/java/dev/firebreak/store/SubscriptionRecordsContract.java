package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SubscriptionRecords} does; a subclass gives each test an empty store of its own. */
public abstract class SubscriptionRecordsContract {
    protected SubscriptionRecords records;

    protected abstract SubscriptionRecords freshRecords() throws Exception;

    @BeforeEach
    void open() throws Exception {
        records = freshRecords();
    }

    @Test
    void subscriptionsAreKeptByIdUntilDeleted() {
        assertEquals(List.of(), records.all());
        records.save("sub_1", "{\"id\":\"sub_1\"}");
        records.save("sub_2", "{\"id\":\"sub_2\"}");
        records.save("sub_1", "{\"id\":\"sub_1\",\"rotated\":true}");
        assertEquals(Set.of("{\"id\":\"sub_1\",\"rotated\":true}", "{\"id\":\"sub_2\"}"), Set.copyOf(records.all()));
        assertEquals(2, records.all().size());
        records.delete("sub_2");
        records.delete("never-stored");
        assertEquals(List.of("{\"id\":\"sub_1\",\"rotated\":true}"), records.all());
    }
}
