package dev.firebreak.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Escalation;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.stories.virality.Forecaster;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryBookTest {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");

    private static ScoredMention m(String id, String root, int minutes, Author author, Sentiment label, Escalation esc) {
        Mention mention = new Mention(Platform.WEIBO, id, root == null ? Kind.POST : Kind.REPOST, "文本" + id,
                T0.plusMinutes(minutes), author, root, root, null, new Metrics(1, 2, 3, 0, 0));
        Analysis a = new Analysis(label, label == Sentiment.NEGATIVE ? 0.9 : 0.1, null, List.of(), esc, List.of(), "m");
        return new ScoredMention(mention, a, "weibo:1");
    }

    private static Author user(String id, long followers) {
        return new Author(id, "用户" + id, followers, false);
    }

    private static List<ScoredMention> story() {
        List<ScoredMention> all = new ArrayList<>();
        all.add(m("1", null, 0, user("a", 2_000), Sentiment.NEGATIVE, new Escalation("threat", List.of("12315"))));
        all.add(m("2", "1", 10, user("b", 150_000), Sentiment.NEGATIVE, null));                       // a KOL
        all.add(m("3", "1", 70, new Author("c", "某市融媒体", 900_000, true, "media"), Sentiment.NEUTRAL, null));
        all.add(m("4", "1", 75, user("d", 50), Sentiment.NEGATIVE, new Escalation("filed", List.of("blackcat"))));
        all.add(m("5", "1", 80, user("b", 150_000), Sentiment.NEGATIVE, null));                       // b again
        return all;
    }

    @Test
    void signalsFollowTheStoryInEventTime() {
        StoryBook book = new StoryBook(Forecaster.load(), 100, id -> List.of());
        StorySnapshot s = book.record(story()).get("weibo:1");
        assertEquals(5, s.size());
        assertEquals(1, s.originals());
        assertEquals(2_000 + 150_000 + 900_000 + 50, s.signals().reach(), "each author counts once");
        // KOLs: ≥ 100,000 followers, each once; the media account is one too.
        assertEquals(List.of("用户b", "某市融媒体"), s.signals().kols().stream().map(StoryState.Carrier::name).toList());
        assertEquals("某市融媒体", s.signals().mediaOrGovernment().get(0).name());
        assertEquals(0.8, s.signals().negativeShare(), 1e-9);
        assertEquals(new StorySnapshot.Escalations(1, 1, List.of("12315", "blackcat")), s.signals().escalations());
        // The latest mention is at 11:20; the hour up to it holds the three at 11:10, 11:15 and 11:20.
        assertEquals(3.0, s.signals().velocity1h());
        assertEquals(5 / 6.0, s.signals().velocity6h(), 1e-9);
        assertEquals(List.of(new StorySnapshot.Hour("2026-11-20T10:00+08:00", 2, 12),
                new StorySnapshot.Hour("2026-11-20T11:00+08:00", 3, 18)), s.series());
        assertEquals("weibo:1", s.title().mentionKey());
        assertTrue(s.forecast().predictedFinal() >= s.size() - 1e-9);
        assertTrue(s.risk() > 0);
    }

    @Test
    void aBatchProcessedTwiceCountsOnce() {
        StoryBook book = new StoryBook(Forecaster.load(), 100, id -> List.of());
        book.record(story());
        assertEquals(Map.of(), book.record(story()), "nothing new: no story touched");
        assertEquals(5, book.get("weibo:1").size());
    }

    @Test
    void aStoryPushedOutOfMemoryIsRebuiltFromTheIndex() {
        Map<String, List<ScoredMention>> index = new HashMap<>();
        index.put("weibo:1", story());
        StoryBook book = new StoryBook(Forecaster.load(), 1, id -> index.getOrDefault(id, List.of()));
        book.record(story());
        StorySnapshot before = book.get("weibo:1");
        ScoredMention other = new ScoredMention(story().get(0).mention(), story().get(0).analysis(), "weibo:9");
        book.record(List.of(other));                                 // evicts weibo:1
        assertEquals(before.signals(), book.get("weibo:1").signals());
        assertNull(book.get("weibo:404"));
    }

    @Test
    void theRiskListPutsAnEscalatingNegativeStoryFirst() {
        StoryBook book = new StoryBook(Forecaster.load(), 100, id -> List.of());
        book.record(story());
        Mention calm = new Mention(Platform.WEIBO, "50", Kind.POST, "新品不错", T0.plusMinutes(80), user("z", 10), null, null, null, null);
        book.record(List.of(new ScoredMention(calm, new Analysis(Sentiment.POSITIVE, 0.05, null, List.of(), null, List.of(), "m"), "weibo:50")));
        List<StorySnapshot> top = book.byRisk(10);
        assertEquals(List.of("weibo:1", "weibo:50"), top.stream().map(StorySnapshot::id).toList());
    }
}
