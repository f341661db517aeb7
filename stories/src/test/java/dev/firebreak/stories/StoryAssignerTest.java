package dev.firebreak.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryAssignerTest {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
    static final String ORIGINAL = "暖途T7空气炸锅用了三天就冒烟了，差点把厨房点着，联系客服一直说在处理，"
            + "一个星期了没人管，退款也不给退，大家买之前一定要想清楚！#暖途空气炸锅冒烟#";
    /** The same complaint copied and lightly rewritten (洗稿) by five other accounts, two on other platforms. */
    static final List<String> COPIES = List.of(
            "求扩散！暖途T7空气炸锅用了3天就冒烟了，差点把厨房点着，联系客服一直说在处理，一个星期了没人管，退款也不给退[怒]",
            "姐妹们避雷！！我朋友的暖途T7空气炸锅用了三天就冒烟，差点把厨房点了，找售后一直说在处理，一星期没人管，退钱也不给退",
            "暖途T7空气炸锅用了三天冒烟了，差点把厨房点着，客服一直说在处理，一个星期没人管了，也不给退款。大家买之前想清楚 @消费者权益",
            "转发：暖途T7空气炸锅才用三天就冒烟，厨房差点被点着，客服只会说在处理，一个礼拜了都没人管，退款不给退，买前一定想清楚",
            "#暖途翻车# 暖途T7空气炸锅用了三天就冒烟了差点把厨房点着 联系客服一直在处理 一个星期了没人管 退款也不给退 🙄");
    /** A different complaint about the same product on the same day. */
    static final String OTHER = "暖途T7空气炸锅的内胆涂层才两个月就掉了一大片，炸出来的东西都有黑渣，"
            + "问客服说是人为损坏不给保修，要我自己花钱换内胆，这质量真的无语";

    private static Mention post(String id, Platform p, String text, int minutes) {
        return new Mention(p, id, Kind.POST, text, T0.plusMinutes(minutes), new Author("a" + id, "用户" + id, 500, false),
                null, null, null, null);
    }

    private static Mention repost(String id, String rootId, int minutes) {
        return new Mention(Platform.WEIBO, id, Kind.REPOST, "转发微博", T0.plusMinutes(minutes),
                new Author("r" + id, "转发者" + id, 80, false), rootId, rootId, null, null);
    }

    @Test
    void repostsAndFiveRewrittenCopiesAreOneStoryAndADifferentComplaintIsAnother() {
        StoryAssigner assigner = StoryAssigner.withDefaults();
        List<Mention> batch = new ArrayList<>();
        batch.add(post("100", Platform.WEIBO, ORIGINAL, 0));
        batch.add(repost("101", "100", 1));
        batch.add(repost("102", "100", 2));
        Platform[] platforms = {Platform.WEIBO, Platform.XIAOHONGSHU, Platform.WEIBO, Platform.DOUYIN, Platform.WEIBO};
        for (int i = 0; i < COPIES.size(); i++) batch.add(post("20" + i, platforms[i], COPIES.get(i), 10 + i * 7));
        batch.add(post("300", Platform.WEIBO, OTHER, 30));
        StoryAssigner.Assignment a = assigner.assign(batch, Map.of());
        String story = a.storyIds().get(0);
        assertEquals("weibo:100", story);
        for (int i = 1; i < batch.size() - 1; i++) {
            assertEquals(story, a.storyIds().get(i), "mention " + batch.get(i).key() + ": " + batch.get(i).text());
        }
        assertNotEquals(story, a.storyIds().get(batch.size() - 1), "a different complaint about the same product");
        // Each copy's own reposts must follow it; the two originals that began stories are linked to themselves.
        long toOther = a.newLinks().entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).count();
        assertEquals(COPIES.size(), toOther, "each copy's own reposts must follow it: " + a.newLinks());
        assertEquals("weibo:300", a.newLinks().get("weibo:300"), "a story's own original is linked to it");
    }

    @Test
    void aCopysRepostsFollowItIntoTheStoryThroughItsLink() {
        StoryAssigner assigner = StoryAssigner.withDefaults();
        StoryAssigner.Assignment first = assigner.assign(List.of(post("100", Platform.WEIBO, ORIGINAL, 0),
                post("201", Platform.WEIBO, COPIES.get(0), 5)), Map.of());
        Map<String, String> links = new HashMap<>(first.newLinks());
        List<Mention> later = List.of(repost("501", "201", 20));
        assertEquals(List.of("weibo:100"), assigner.assign(later, links).storyIds());
        assertEquals(List.of("weibo:201"), assigner.assign(later, Map.of()).storyIds(),
                "without the stored link it would be a story of its own");
    }

    @Test
    void shortOrEmptyOriginalsStartTheirOwnStory() {
        StoryAssigner assigner = StoryAssigner.withDefaults();
        List<String> ids = assigner.assign(List.of(post("1", Platform.WEIBO, "避雷暖途", 0),
                post("2", Platform.WEIBO, "避雷暖途", 1), post("3", Platform.DOUYIN, "\uD83D\uDE21", 2)), Map.of()).storyIds();
        assertEquals(List.of("weibo:1", "weibo:2", "douyin:3"), ids);
    }

    @Test
    void praiseAndAComplaintWordedAlikeAreNeverOneStory() {
        StoryAssigner assigner = StoryAssigner.withDefaults();
        List<Mention> batch = List.of(
                post("1", Platform.XIAOHONGSHU, "暖途T7空气炸锅用了一个月来交作业，内胆涂层很好清洗，炸鸡翅外皮脆里面嫩，推荐", 0),
                post("2", Platform.XIAOHONGSHU, "暖途T7空气炸锅用了不到两个月，内胆涂层一片片往下掉，炸鸡翅上全是黑渣，避雷", 5));
        List<dev.firebreak.core.Sentiment> labels = List.of(dev.firebreak.core.Sentiment.POSITIVE,
                dev.firebreak.core.Sentiment.NEGATIVE);
        assertEquals(List.of("xiaohongshu:1", "xiaohongshu:2"), assigner.assign(batch, labels, Map.of()).storyIds());
        assertEquals(List.of("xiaohongshu:1", "xiaohongshu:1"), StoryAssigner.withDefaults().assign(batch, Map.of()).storyIds(),
                "without the labels the wording alone joins them");
    }
}
