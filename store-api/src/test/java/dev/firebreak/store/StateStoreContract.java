package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.CounterObservation;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Metrics;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} does. A module with an implementation runs it by a subclass that
 * gives each test a store of its own, empty.
 */
public abstract class StateStoreContract {
    protected StateStore store;

    /** A store no other test sees, with nothing in it. */
    protected abstract StateStore freshStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = freshStore();
    }

    protected static <T> T get(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
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
        get(store.markSeen(List.of()));
        assertEquals(Set.of("weibo:1"), get(store.seen(List.of("weibo:1", "weibo:2"))));
        assertEquals(Set.of(), get(store.seen(List.of())));
    }

    @Test
    void recordsAnAlertOnceAndFeedsItInOrder() throws Exception {
        assertEquals(0L, get(store.lastSeq()));
        assertEquals(List.of(), get(store.latestAlerts(10)));
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
        assertEquals(Optional.of("{\"id\":\"a\"}"), get(store.alert("a")));
        assertEquals(Optional.empty(), get(store.alert("nope")));
        assertEquals(List.of(), get(store.alertsAfter(3, 10)));
        assertEquals(List.of(), get(store.alertsAfter(0, 0)));
        assertEquals(List.of(), get(store.latestAlerts(0)));
        assertTrue(get(store.ping()));
    }

    @Test
    void anUpdatedAlertMovesToANewSequenceNumberAndIsListedOnce() throws Exception {
        long first = get(store.recordAlert("al-1", "{\"v\":1}")).getAsLong();
        get(store.recordAlert("al-2", "{\"other\":true}"));
        long updated = get(store.updateAlert("al-1", "{\"v\":2}")).getAsLong();
        assertTrue(updated > first);
        assertEquals(updated, get(store.lastSeq()));
        List<RecordedAlert> after = get(store.alertsAfter(first, 10));
        assertEquals(List.of(new RecordedAlert(first + 1, "{\"other\":true}"), new RecordedAlert(updated, "{\"v\":2}")), after);
        assertEquals(List.of(new RecordedAlert(updated, "{\"v\":2}"), new RecordedAlert(first + 1, "{\"other\":true}")),
                get(store.latestAlerts(10)), "one entry per alert, the newest version");
        assertEquals(Optional.of("{\"v\":2}"), get(store.alert("al-1")));
        assertTrue(get(store.updateAlert("never-recorded", "{}")).isEmpty());
        assertEquals(Optional.empty(), get(store.alert("never-recorded")), "an update records nothing new");
    }

    @Test
    void watchedPostsAreListedMostRecentlyTouchedFirstPerPlatform() throws Exception {
        get(store.touchWatched("weibo", List.of("p1", "p2"), 1_000));
        get(store.touchWatched("weibo", List.of("p3"), 2_000));
        get(store.touchWatched("douyin", List.of("v1"), 3_000));
        get(store.touchWatched("weibo", List.of(), 4_000));
        assertEquals(new LinkedHashMap<>(Map.of("p3", 2_000L)), get(store.watched("weibo", 1_500, 10)));
        assertEquals(List.of("p3", "p2", "p1"), List.copyOf(get(store.watched("weibo", 0, 10)).keySet()),
                "most recent first; the same time in reverse id order");
        assertEquals(List.of("p3", "p2"), List.copyOf(get(store.watched("weibo", 0, 2)).keySet()));
        get(store.touchWatched("weibo", List.of("p1"), 5_000));
        assertEquals(List.of("p1", "p3", "p2"), List.copyOf(get(store.watched("weibo", 0, 10)).keySet()),
                "touching again moves a post up");
        assertEquals(5_000L, get(store.watched("weibo", 0, 10)).get("p1"));
        assertEquals(Map.of("v1", 3_000L), get(store.watched("douyin", 0, 10)));
        assertEquals(Map.of(), get(store.watched("xiaohongshu", 0, 10)));
    }

    @Test
    void observationsAreKeptOncePerMentionAndTimeOldestFirst() throws Exception {
        OffsetDateTime t0 = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
        CounterObservation later = new CounterObservation("weibo:1", t0.plusMinutes(5), new Metrics(20, 3, 40, 0, 0));
        CounterObservation first = new CounterObservation("weibo:1", t0, new Metrics(10, 1, 20, 0, 0));
        CounterObservation other = new CounterObservation("weibo:2", t0, new Metrics(1, 1, 1, 0, 0));
        get(store.recordObservations(List.of(later, first, other)));
        get(store.recordObservations(List.of(first)));
        assertEquals(List.of(FirebreakJson.write(first), FirebreakJson.write(later)), get(store.observations("weibo:1")));
        assertEquals(List.of(FirebreakJson.write(other)), get(store.observations("weibo:2")));
        assertEquals(List.of(), get(store.observations("weibo:3")));
        get(store.recordObservations(List.of()));
    }

    @Test
    void aDeliveryIdIsTakenOncePerSourceUntilForgotten() throws Exception {
        assertTrue(get(store.firstDelivery("douyin", "msg-1")));
        assertFalse(get(store.firstDelivery("douyin", "msg-1")), "a platform's retry is not taken again");
        assertTrue(get(store.firstDelivery("weibo", "msg-1")), "ids are per source");
        get(store.forgetDelivery("douyin", "msg-1"));
        assertTrue(get(store.firstDelivery("douyin", "msg-1")), "a forgotten id is taken again");
        get(store.forgetDelivery("douyin", "never-seen"));
    }

    @Test
    void aStoryLinkIsNeverChangedOnceMade() throws Exception {
        assertEquals(Map.of(), get(store.storyLinks(List.of("weibo:r1"))));
        get(store.saveStoryLinks(Map.of("weibo:r1", "story-a", "weibo:r2", "story-b")));
        get(store.saveStoryLinks(Map.of("weibo:r1", "story-z")));
        get(store.saveStoryLinks(Map.of()));
        assertEquals(Map.of("weibo:r1", "story-a", "weibo:r2", "story-b"),
                get(store.storyLinks(List.of("weibo:r1", "weibo:r2", "weibo:r3"))));
        assertEquals(Map.of(), get(store.storyLinks(List.of())));
    }
}
