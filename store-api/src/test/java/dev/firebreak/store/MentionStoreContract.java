package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.query.QueryMatcher;
import dev.firebreak.query.QueryParser;
import dev.firebreak.query.Target;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MentionStore} does. A module with an implementation runs it by a subclass that
 * opens an empty store.
 */
public abstract class MentionStoreContract {
    protected MentionStore store;

    /** A new, empty store; closed after each test. */
    protected abstract MentionStore openEmpty() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmpty();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    public static long millis(String time) {
        return at(time).toInstant().toEpochMilli();
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse("2026-11-20T" + time + "+08:00");
    }

    public static ScoredMention scored(Platform p, String id, String text, String time) {
        return scored(p, id, text, time, new Analysis(Sentiment.NEGATIVE, 0.9, null, List.of(), null, List.of(), "t"));
    }

    public static ScoredMention scored(Platform p, String id, String text, String time, Analysis analysis) {
        Mention m = new Mention(p, id, Kind.POST, text, at(time), new Author("a" + id, "某人", 10, false),
                null, null, null, Metrics.ZERO);
        return new ScoredMention(m, analysis, m.key());
    }

    private static ScoredMention inStory(ScoredMention m, String storyId) {
        return new ScoredMention(m.mention(), m.analysis(), storyId);
    }

    private void write(ScoredMention... mentions) throws Exception {
        store.upsert(List.of(mentions));
        store.commit();
    }

    private static List<String> keys(SearchResult r) {
        return r.hits().stream().map(ScoredMention::key).toList();
    }

    @Test
    void upsertByIdKeepsOneMentionPerId() throws Exception {
        write(scored(Platform.WEIBO, "1", "暖途空气炸锅冒烟了", "10:00:00"));
        write(scored(Platform.WEIBO, "1", "暖途空气炸锅冒烟了（已编辑）", "10:00:00"),
                scored(Platform.DOUYIN, "1", "同一个号，不同平台", "10:01:00"));
        assertEquals(2, store.count());
        assertEquals(1, store.countId("weibo:1"));
        assertEquals(0, store.countId("weibo:2"));
        assertEquals(java.util.Set.of("weibo:1", "douyin:1"),
                store.presentIds(List.of("weibo:1", "weibo:2", "douyin:1", "xiaohongshu:1")));
        assertEquals(java.util.Set.of(), store.presentIds(List.of()));
        assertEquals("暖途空气炸锅冒烟了（已编辑）", store.get("weibo:1").orElseThrow().mention().text());
        assertTrue(store.get("weibo:2").isEmpty());
    }

    @Test
    void aCommittedMentionReadsBackWhole() throws Exception {
        ScoredMention m = inStory(scored(Platform.XIAOHONGSHU, "65a1", "暖途加湿器漏水", "10:00:00"), "story-1");
        store.upsert(List.of(m));
        store.commit();
        assertEquals(m, store.get("xiaohongshu:65a1").orElseThrow());
        assertEquals(1, store.count());
    }

    @Test
    void searchesByQueryAndTimeRangeNewestFirst() throws Exception {
        write(scored(Platform.WEIBO, "1", "暖途空气炸锅用了三天就冒烟了", "10:00:00"),
                scored(Platform.DOUYIN, "2", "这个空气炸锅很好用", "11:00:00"),
                scored(Platform.WEIBO, "3", "电暖器退款被拒", "12:00:00"));
        SearchResult all = store.search("空气炸锅", Long.MIN_VALUE, Long.MAX_VALUE, 10);
        assertEquals(2, all.total());
        assertEquals(List.of("douyin:2", "weibo:1"), keys(all));
        assertEquals(1, store.search("空气炸锅 AND platform:weibo", Long.MIN_VALUE, Long.MAX_VALUE, 10).total());
        assertEquals(List.of("weibo:3", "douyin:2"), keys(store.search("", millis("10:30:00"), Long.MAX_VALUE, 10)));
        assertEquals(List.of("douyin:2"), keys(store.search(" ", millis("10:30:00"), millis("12:00:00"), 10)),
                "the end of a range is outside it");
        SearchResult one = store.search("", Long.MIN_VALUE, Long.MAX_VALUE, 1);
        assertEquals(List.of("weibo:3"), keys(one));
        assertEquals(3, one.total(), "the total counts every match, not only the hits returned");
        assertEquals(List.of("douyin:2", "weibo:1"),
                keys(store.search(QueryParser.parse("空气炸锅"), Long.MIN_VALUE, Long.MAX_VALUE, 10)));
    }

    @Test
    void aQueryThatDoesNotParseIsAnIllegalArgumentWithTheParsersMessage() throws Exception {
        write(scored(Platform.WEIBO, "1", "退款", "10:00:00"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> store.search("(退款", Long.MIN_VALUE, Long.MAX_VALUE, 10));
        assertEquals("column 4: expected \")\" to close \"(\" at column 1", bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> store.search("(退款", MentionFilter.NONE, Long.MIN_VALUE, Long.MAX_VALUE, 10));
        assertThrows(IllegalArgumentException.class,
                () -> store.histogram("(退款", MentionFilter.NONE, Long.MIN_VALUE, Long.MAX_VALUE, 4));
    }

    @Test
    void filtersNarrowBySentimentEmotionComplaintAndPlatform() throws Exception {
        Analysis angryRefund = new Analysis(Sentiment.NEGATIVE, 0.9, "angry", List.of("refund", "quality"), null, List.of(), "t");
        Analysis sadQuality = new Analysis(Sentiment.NEGATIVE, 0.8, "sad", List.of("quality"), null, List.of(), "t");
        Analysis pleased = new Analysis(Sentiment.POSITIVE, 0.1, null, List.of(), null, List.of(), "t");
        write(scored(Platform.WEIBO, "1", "炸锅退款不给", "10:00:00", angryRefund),
                scored(Platform.DOUYIN, "2", "炸锅漏水", "11:00:00", sadQuality),
                scored(Platform.WEIBO, "3", "炸锅好用", "12:00:00", pleased),
                scored(Platform.WEIBO, "4", "炸锅没分析", "13:00:00", null));
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        assertEquals(List.of("weibo:4", "weibo:3", "douyin:2", "weibo:1"), keys(store.search("炸锅", MentionFilter.NONE, from, to, 10)));
        assertEquals(List.of("weibo:4", "weibo:3", "weibo:1"),
                keys(store.search("炸锅", new MentionFilter("weibo", null, null, null), from, to, 10)));
        assertEquals(List.of("douyin:2", "weibo:1"),
                keys(store.search("炸锅", new MentionFilter(null, "negative", null, null), from, to, 10)));
        assertEquals(List.of("weibo:1"), keys(store.search("", new MentionFilter(null, null, "Angry", null), from, to, 10)),
                "filter values are read in lower case");
        assertEquals(List.of("douyin:2", "weibo:1"),
                keys(store.search("", new MentionFilter(null, null, null, "quality"), from, to, 10)));
        assertEquals(List.of("weibo:1"),
                keys(store.search("", new MentionFilter("weibo", "negative", null, "quality"), from, to, 10)));
        assertEquals(List.of(), keys(store.search("漏水", new MentionFilter("weibo", null, null, null), from, to, 10)));
    }

    @Test
    void aHistogramCountsMatchesPerEqualSliceOfTime() throws Exception {
        write(scored(Platform.WEIBO, "1", "退款", "10:00:00"),
                scored(Platform.WEIBO, "2", "退款", "10:10:00"),
                scored(Platform.WEIBO, "3", "退款", "10:50:00"),
                scored(Platform.WEIBO, "4", "好评", "10:20:00"),
                scored(Platform.DOUYIN, "5", "退款", "10:30:00"));
        VolumeHistogram closed = store.histogram("退款", MentionFilter.NONE, millis("10:00:00"), millis("11:00:00"), 4);
        assertEquals(new VolumeHistogram(millis("10:00:00"), 15 * 60_000L, List.of(2L, 0L, 1L, 1L)), closed);
        VolumeHistogram weibo = store.histogram("退款", new MentionFilter("weibo", null, null, null),
                millis("10:00:00"), millis("11:00:00"), 2);
        assertEquals(List.of(2L, 1L), weibo.counts());
        VolumeHistogram open = store.histogram("", MentionFilter.NONE, Long.MIN_VALUE, Long.MAX_VALUE, 5);
        assertEquals(millis("10:00:00"), open.from(), "an open start is the oldest match");
        assertEquals(5, open.counts().size());
        assertEquals(5L, open.counts().stream().mapToLong(Long::longValue).sum(), "an open end takes in the newest match");
        assertEquals(new VolumeHistogram(0, 1, List.of()),
                store.histogram("没有这个词", MentionFilter.NONE, Long.MIN_VALUE, Long.MAX_VALUE, 5));
    }

    @Test
    void aScanReadsARangeOldestFirstAndCountsIt() throws Exception {
        write(scored(Platform.WEIBO, "3", "c", "12:00:00"),
                scored(Platform.WEIBO, "1", "a", "10:00:00"),
                scored(Platform.WEIBO, "2", "b", "11:00:00"),
                scored(Platform.WEIBO, "4", "d", "13:00:00"));
        List<String> read = new ArrayList<>();
        long n = store.scan(millis("10:30:00"), millis("13:00:00"), m -> read.add(m.key()));
        assertEquals(List.of("weibo:2", "weibo:3"), read);
        assertEquals(2, n);
        assertEquals(4, store.scan(Long.MIN_VALUE, Long.MAX_VALUE, m -> { }));
    }

    @Test
    void newestAndAStorysMentions() throws Exception {
        assertEquals(new SearchResult(0, List.of()), store.newest(5));
        write(inStory(scored(Platform.WEIBO, "1", "a", "10:00:00"), "s1"),
                inStory(scored(Platform.WEIBO, "2", "b", "11:00:00"), "s1"),
                inStory(scored(Platform.WEIBO, "3", "c", "12:00:00"), "s2"));
        SearchResult newest = store.newest(2);
        assertEquals(3, newest.total());
        assertEquals(List.of("weibo:3", "weibo:2"), keys(newest));
        assertEquals(Set.of("weibo:1", "weibo:2"),
                Set.copyOf(store.story("s1", 10).stream().map(ScoredMention::key).toList()));
        assertEquals(1, store.story("s1", 1).size());
        assertEquals(List.of(), store.story("none", 10));
    }

    /** The store selects what the in-memory matcher selects (QueryAgreementTest holds Lucene to it in depth). */
    @Test
    void searchSelectsWhatTheQueryMatcherMatches() throws Exception {
        String[] texts = {"暖途空气炸锅T7用了三天就冒烟了，申请退款客服不理人", "同款T7，也冒烟！退款被拒", "暖途T70炸锅测评",
            "t7pro和t7有什么区别", "退款一直找不到客服，气死", "退款客服", "客服退款", "ＴＥＳＴ全角Ｔ７冒烟", "退 款 也 太 慢 了"};
        List<ScoredMention> all = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            all.add(scored(i % 2 == 0 ? Platform.WEIBO : Platform.DOUYIN, "m" + i, texts[i], "10:0" + i + ":00"));
        }
        store.upsert(all);
        store.commit();
        for (String q : List.of("T7", "t7 -冒烟", "退款 NEAR/2 客服", "\"退 款\"", "platform:douyin 退款", "NOT 客服", "冒烟 OR t70")) {
            var parsed = QueryParser.parse(q);
            Set<String> expected = new TreeSet<>();
            all.stream().filter(m -> QueryMatcher.matches(parsed, Target.of(m.mention()))).forEach(m -> expected.add(m.key()));
            assertEquals(expected, new TreeSet<>(keys(store.search(q, Long.MIN_VALUE, Long.MAX_VALUE, 100))), q);
            assertEquals(expected, new TreeSet<>(keys(store.search(parsed, Long.MIN_VALUE, Long.MAX_VALUE, 100))), q);
        }
    }
}
