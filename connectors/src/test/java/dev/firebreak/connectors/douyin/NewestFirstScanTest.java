package dev.firebreak.connectors.douyin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewestFirstScanTest {
    static NewestFirstScan.Item<String> item(String id, long time) {
        return new NewestFirstScan.Item<>(id, time, false, id);
    }

    static List<String> fresh(NewestFirstScan.Step<String> s) {
        return s.fresh().stream().map(NewestFirstScan.Item::id).toList();
    }

    @Test
    void anOldPinnedItemDoesNotEndTheScan() {
        ScanState done = new ScanState(new Mark(100, List.of("a")), null, null, null);
        NewestFirstScan.Step<String> s = NewestFirstScan.step(done,
                List.of(new NewestFirstScan.Item<>("a", 100, true, "a"), item("c", 120), item("b", 110)), true, 3);
        assertEquals(List.of("c", "b"), fresh(s));
        assertFalse(s.finished(), "a pinned old item says nothing about the rest");
        assertEquals(3L, s.next().page());
    }

    @Test
    void anItemPushedToTheNextPageIsNotReturnedTwice() {
        NewestFirstScan.Step<String> p1 = NewestFirstScan.step(ScanState.FRESH, List.of(item("e", 50), item("d", 40)), true, 2);
        // "f" arrived: "d" slides onto page 2.
        NewestFirstScan.Step<String> p2 = NewestFirstScan.step(p1.next(), List.of(item("d", 40), item("c", 30)), false, 4);
        assertEquals(List.of("c"), fresh(p2));
        assertTrue(p2.finished());
        assertEquals(new Mark(50, List.of("e")), p2.next().done());
        NewestFirstScan.Step<String> again = NewestFirstScan.step(p2.next(), List.of(item("f", 60), item("e", 50)), true, 2);
        assertEquals(List.of("f"), fresh(again));
        assertTrue(again.finished(), "reached what the last scan covered");
    }

    @Test
    void aSecondOfTwoItemsInTheSameSecondIsStillNew() {
        ScanState done = new ScanState(new Mark(100, List.of("a")), null, null, null);
        NewestFirstScan.Step<String> s = NewestFirstScan.step(done, List.of(item("a", 100), item("b", 100)), false, 0);
        assertEquals(List.of("b"), fresh(s));
        assertEquals(new Mark(100, List.of("a", "b")), s.next().done());
    }
}
