package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryRecords} does; a subclass gives each test an empty store of its own whose
 * log keeps {@link #LOG_KEEP} deliveries per endpoint.
 */
public abstract class DeliveryRecordsContract {
    protected static final int LOG_KEEP = 3;
    protected DeliveryRecords records;

    protected abstract DeliveryRecords freshRecords(int logKeep) throws Exception;

    @BeforeEach
    void open() throws Exception {
        records = freshRecords(LOG_KEEP);
    }

    private static String json(String id, String status) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}";
    }

    @Test
    void aDeliveryIsQueuedOnceAndListedInQueueOrder() {
        assertTrue(records.enqueue("ep", "d2", json("d2", "pending"), 200));
        assertTrue(records.enqueue("ep", "d1", json("d1", "pending"), 100));
        assertFalse(records.enqueue("ep", "d1", json("d1", "again"), 100), "a repeat notify");
        assertTrue(records.enqueue("other", "d3", json("d3", "pending"), 300));
        assertEquals(List.of(json("d2", "pending"), json("d1", "pending")), records.pending("ep"),
                "the order they were queued in, not their times");
        assertEquals(2, records.pendingCount("ep"));
        assertEquals(Optional.of(json("d1", "pending")), records.get("d1"));
        assertEquals(Optional.empty(), records.get("nope"));
        assertEquals(List.of(json("d2", "pending"), json("d1", "pending")), records.recent("ep", 10), "newest first");
        assertEquals(List.of(json("d2", "pending")), records.recent("ep", 1));
        assertEquals(3, records.size());
        records.save("d1", json("d1", "retrying"));
        assertEquals(Optional.of(json("d1", "retrying")), records.get("d1"));
    }

    @Test
    void aFinishedDeliveryLeavesTheQueueAndADeadOneIsListedUntilRequeued() {
        records.enqueue("ep", "d1", json("d1", "pending"), 100);
        records.enqueue("ep", "d2", json("d2", "pending"), 200);
        records.enqueue("ep", "d3", json("d3", "pending"), 300);
        records.finish("ep", "d1", json("d1", "delivered"), false, 150);
        records.finish("ep", "d3", json("d3", "dead"), true, 350);
        records.finish("ep", "d2", json("d2", "dead"), true, 250);
        assertEquals(List.of(), records.pending("ep"));
        assertEquals(List.of(json("d2", "dead"), json("d3", "dead")), records.deadLetters("ep"), "oldest death first");
        assertEquals(2, records.deadCount("ep"));
        assertEquals(Optional.of(json("d1", "delivered")), records.get("d1"), "still in the log");
        records.requeue("ep", "d2", json("d2", "pending"));
        assertEquals(List.of(json("d2", "pending")), records.pending("ep"));
        assertEquals(List.of(json("d3", "dead")), records.deadLetters("ep"));
        records.enqueue("ep", "d4", json("d4", "pending"), 50);
        assertEquals(List.of(json("d2", "pending"), json("d4", "pending")), records.pending("ep"), "requeued at the end");
    }

    @Test
    void deliveriesThatFallOffTheLogAreForgottenUnlessQueuedOrDead() {
        records.enqueue("ep", "d1", json("d1", "pending"), 100);   // finished before it falls off: forgotten
        records.enqueue("ep", "d2", json("d2", "pending"), 200);   // dead: kept
        records.enqueue("ep", "d3", json("d3", "pending"), 300);   // still queued: kept until finished
        records.attempt("d1", "{\"n\":1}");
        records.finish("ep", "d1", json("d1", "delivered"), false, 110);
        records.finish("ep", "d2", json("d2", "dead"), true, 210);
        IntStream.rangeClosed(4, 6).forEach(i -> records.enqueue("ep", "d" + i, json("d" + i, "pending"), i * 100L));
        assertEquals(Optional.empty(), records.get("d1"));
        assertEquals(List.of(), records.attempts("d1"), "forgotten with its attempts");
        assertEquals(Optional.of(json("d2", "dead")), records.get("d2"));
        assertEquals(Optional.of(json("d3", "pending")), records.get("d3"));
        assertEquals(List.of(json("d6", "pending"), json("d5", "pending"), json("d4", "pending")), records.recent("ep", 10));
        records.finish("ep", "d3", json("d3", "delivered"), false, 700);
        assertEquals(Optional.empty(), records.get("d3"), "off the log when it finished: nothing lists it");
        assertEquals(4, records.size(), "the dead letter and the log's last three");
    }

    @Test
    void theLatestAttemptsAreKept() {
        for (int i = 1; i <= DeliveryRecords.ATTEMPTS_KEEP + 2; i++) {
            records.attempt("d1", "{\"n\":" + i + "}");
        }
        List<String> kept = records.attempts("d1");
        assertEquals(DeliveryRecords.ATTEMPTS_KEEP, kept.size());
        assertEquals("{\"n\":3}", kept.get(0));
        assertEquals("{\"n\":" + (DeliveryRecords.ATTEMPTS_KEEP + 2) + "}", kept.get(kept.size() - 1));
    }

    @Test
    void endpointStateSendsHoldersAndDroppedQueues() {
        assertEquals(Optional.empty(), records.endpointState("ep"));
        records.saveEndpointState("ep", "{\"paused\":true}");
        assertEquals(Optional.of("{\"paused\":true}"), records.endpointState("ep"));

        records.sent("ep", "m1", 1_000);
        records.sent("ep", "m2", 2_000);
        records.sent("ep", "m3", 3_000);
        assertEquals(List.of(2_000L, 3_000L), records.sentSince("ep", 1_000), "at or before since is forgotten");
        assertEquals(List.of(3_000L), records.sentSince("ep", 2_500));
        assertEquals(List.of(), records.sentSince("other", 0));

        assertEquals(Set.of(), records.holders("a1"));
        assertEquals(Set.of("ep1", "ep2"), records.hold("a1", List.of("ep1", "ep2")));
        assertEquals(Set.of("ep1", "ep2", "ep3"), records.hold("a1", List.of("ep3")));
        assertEquals(Set.of("ep1", "ep2", "ep3"), records.hold("a1", List.of()));
        assertEquals(Set.of("ep1", "ep2", "ep3"), records.holders("a1"));

        records.enqueue("ep", "d1", json("d1", "pending"), 100);
        records.dropQueue("ep");
        assertEquals(List.of(), records.pending("ep"));
        assertEquals(0, records.pendingCount("ep"));
    }
}
