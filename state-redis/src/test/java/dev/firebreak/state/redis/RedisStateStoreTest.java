package dev.firebreak.state.redis;

import dev.firebreak.store.RecordedAlert;
import dev.firebreak.store.StateStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.state.redis.testing.TestRedis;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedisStateStoreTest {
    private final StateStore store = TestRedis.freshStore();

    RedisStateStoreTest() throws Exception { }

    private static <T> T get(java.util.concurrent.CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get();
    }

    @Test
    void keepsOneCursorPerFeed() throws Exception {
        assertEquals(Optional.empty(), get(store.cursor("demo/a.jsonl")));
        get(store.saveCursor("demo/a.jsonl", "120:3"));
        get(store.saveCursor("demo/a.jsonl", "240:5"));
        get(store.saveCursor("other/b", "x"));
        assertEquals(Optional.of("240:5"), get(store.cursor("demo/a.jsonl")));
        assertEquals(Optional.of("x"), get(store.cursor("other/b")));
    }

    @Test
    void remembersWhichMentionsWereProcessed() throws Exception {
        assertEquals(Set.of(), get(store.seen(List.of("weibo:1", "weibo:2"))));
        get(store.markSeen(List.of("weibo:1", "douyin:7")));
        assertEquals(Set.of("weibo:1"), get(store.seen(List.of("weibo:1", "weibo:2"))));
        assertEquals(Set.of(), get(store.seen(List.of())));
    }

    @Test
    void recordsAnAlertOnceAndFeedsItInOrder() throws Exception {
        assertEquals(0L, get(store.lastSeq()));
        assertEquals(OptionalLong.of(1), get(store.recordAlert("a", "{\"id\":\"a\"}")));
        assertEquals(OptionalLong.empty(), get(store.recordAlert("a", "{\"id\":\"a\",\"again\":true}")));
        assertEquals(OptionalLong.of(2), get(store.recordAlert("b", "{\"id\":\"b\"}")));
        assertEquals(OptionalLong.of(3), get(store.recordAlert("c", "{\"id\":\"c\"}")));
        assertEquals(3L, get(store.lastSeq()));
        assertEquals(List.of(new RecordedAlert(2, "{\"id\":\"b\"}"), new RecordedAlert(3, "{\"id\":\"c\"}")),
                get(store.alertsAfter(1, 10)));
        assertEquals(List.of(new RecordedAlert(3, "{\"id\":\"c\"}"), new RecordedAlert(2, "{\"id\":\"b\"}")),
                get(store.latestAlerts(2)));
        assertEquals(List.of(new RecordedAlert(1, "{\"id\":\"a\"}")), get(store.alertsAfter(0, 1)),
                "the first record of an id is kept, not overwritten");
        assertTrue(get(store.ping()));
    }

    @Test
    void anUpdatedAlertMovesToANewSequenceNumberAndIsListedOnce() throws Exception {
        long first = get(store.recordAlert("al-1", "{\"v\":1}")).getAsLong();
        get(store.recordAlert("al-2", "{\"other\":true}"));
        long updated = get(store.updateAlert("al-1", "{\"v\":2}")).getAsLong();
        assertTrue(updated > first);
        List<RecordedAlert> after = get(store.alertsAfter(first, 10));
        assertEquals(List.of(new RecordedAlert(first + 1, "{\"other\":true}"), new RecordedAlert(updated, "{\"v\":2}")), after);
        assertEquals(2, get(store.latestAlerts(10)).size(), "one entry per alert, the newest version");
        assertTrue(get(store.updateAlert("never-recorded", "{}")).isEmpty());
    }
}
