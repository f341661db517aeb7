package dev.firebreak.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.EventClock;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.store.memory.InMemoryMentionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Risk fades on the pipeline's clock: event time in a replay, the wall clock live; a restart reads the same risks. */
class StoryRiskClockTest {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
    final AtomicReference<Instant> wallNow = new AtomicReference<>(T0.toInstant());
    final InstantSource wall = () -> wallNow.get();

    private static ScoredMention negative(String id, String story, OffsetDateTime at) {
        Mention m = new Mention(Platform.WEIBO, id, Kind.POST, "暖途T7冒烟了 " + id, at, new Author("a" + id, "用户" + id, 500, false),
                null, null, null, null);
        return new ScoredMention(m, new Analysis(Sentiment.NEGATIVE, 0.9, null, List.of(), null, List.of(), "m"), story);
    }

    @Test
    void liveRiskFadesWithTheWallClockNotWithTheNewestMention() {
        StoryBook book = new StoryBook(forecaster(), 100, id -> List.of(), EventClock.wall(wall));
        double fresh = book.record(List.of(negative("1", "weibo:1", T0))).get("weibo:1").risk();
        // A mention pushed with a time days ahead of the stream does not age the stream's stories live.
        book.record(List.of(negative("2", "weibo:2", T0.plusDays(3))));
        assertEquals(fresh, book.get("weibo:1").risk(), 1e-12);
        wallNow.set(T0.toInstant().plus(Duration.ofHours(12)));
        assertEquals(fresh / Math.E, book.get("weibo:1").risk(), 1e-9, "e times less after 12 quiet wall-clock hours");
        assertEquals("weibo:2", book.byRisk(5).get(0).id(), "the story stamped ahead is not quiet yet");
    }

    @Test
    void inAReplayRiskFadesUpToTheNewestEventTime() {
        StoryBook book = new StoryBook(forecaster(), 100, id -> List.of(), EventClock.eventTime());
        double fresh = book.record(List.of(negative("1", "weibo:1", T0))).get("weibo:1").risk();
        book.record(List.of(negative("2", "weibo:2", T0.plusHours(12))));
        assertEquals(fresh / Math.E, book.get("weibo:1").risk(), 1e-9);
        assertEquals(T0.plusHours(12).toInstant(), book.clock().now());
    }

    /**
     * Today's cause of "risk 0.00 and gone from the list after a restart": the warm-up read back only the
     * stories of the last day before the newest mention. Here the newest is a pushed mention two days
     * after the stream: the stream's stories must come back with the risk they had.
     */
    @Test
    void aRestartReadsBackEveryStoryOfTheWeekWithTheRiskItHad() throws Exception {
        InMemoryMentionStore index = new InMemoryMentionStore();
        List<ScoredMention> all = new ArrayList<>();
        all.add(negative("1", "weibo:1", T0));
        all.add(negative("2", "weibo:1", T0.plusMinutes(20)));
        all.add(negative("3", "weibo:3", T0.plusHours(5)));
        all.add(negative("4", "weibo:4", T0.plusDays(2)));
        index.upsert(all);
        index.commit();
        wallNow.set(T0.toInstant().plus(Duration.ofDays(2)).plusSeconds(60));

        Stories before = Stories.over(index, EventClock.wall(wall), BrandAccounts.NONE);
        before.book().record(all);
        List<StorySnapshot> ranked = before.book().byRisk(10);

        Stories after = Stories.over(index, EventClock.wall(wall), BrandAccounts.NONE);
        after.warmUp(index);
        assertEquals(ids(ranked), ids(after.book().byRisk(10)), "the risk list holds what it held");
        for (StorySnapshot s : ranked) {
            assertEquals(s.risk(), after.book().get(s.id()).risk(), 1e-12, s.id());
            assertTrue(s.risk() > 0.01, s.id() + " has faded two days, not to nothing: " + s.risk());
        }
    }

    private static List<String> ids(List<StorySnapshot> list) {
        return list.stream().map(StorySnapshot::id).toList();
    }

    private static dev.firebreak.stories.virality.Forecaster forecaster() {
        return dev.firebreak.stories.virality.Forecaster.load();
    }
}
