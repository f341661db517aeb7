package dev.firebreak.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.stories.virality.Forecaster;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who carried an incident, by role, and the brand's responses, as the snapshot records them. */
class CarriersTest {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
    static final BrandAccounts BRAND = new BrandAccounts(Map.of(Platform.WEIBO, Set.of("brand-1")), Map.of());

    private static ScoredMention m(String id, int minutes, Author author, Sentiment label) {
        Mention mention = new Mention(Platform.WEIBO, id, Kind.POST, "文本" + id, T0.plusMinutes(minutes), author, null, null, null, null);
        return new ScoredMention(mention, new Analysis(label, label == Sentiment.NEGATIVE ? 0.9 : 0.2, null, List.of(), null, List.of(), "m"),
                "weibo:1");
    }

    @Test
    void carriersAreRecordedByRoleAndTheBrandsFirstResponseIsItsTime() {
        StoryBook book = new StoryBook(Forecaster.load(), 100, id -> List.of(), BRAND);
        book.record(List.of(
                m("1", 0, new Author("u1", "厨房里的阿杰", 36_500, false), Sentiment.NEGATIVE),
                m("2", 5, new Author("u2", "老柯聊数码", 1_280_000, false), Sentiment.NEUTRAL),
                m("3", 20, new Author("u3", "云川都市报", 2_300_000, true), Sentiment.NEUTRAL),           // verified, untyped: by its name
                m("4", 25, new Author("u4", "云川市场监管", 95_000, true, "government"), Sentiment.NEUTRAL),
                m("6", 40, new Author("brand-1", "暖途官方微博", 310_000, true, "enterprise"), Sentiment.POSITIVE),
                m("5", 30, new Author("brand-1", "暖途官方微博", 310_000, true, "enterprise"), Sentiment.NEUTRAL),   // arrives late
                m("7", 45, new Author("u7", "路过的橘子", 56, false), Sentiment.POSITIVE),                // not a complaint
                m("8", 50, new Author("u1", "厨房里的阿杰", 36_500, false), Sentiment.NEGATIVE)));         // once per author
        StorySnapshot s = book.get("weibo:1");
        Carriers.ByRole c = s.carriers();
        assertEquals(List.of("厨房里的阿杰"), c.complainants().stream().map(StoryState.Carrier::name).toList());
        assertEquals(List.of("老柯聊数码"), c.kols().stream().map(StoryState.Carrier::name).toList());
        assertEquals(List.of("云川都市报"), c.media().stream().map(StoryState.Carrier::name).toList());
        assertEquals(List.of("云川市场监管"), c.government().stream().map(StoryState.Carrier::name).toList());
        assertEquals(List.of("暖途官方微博"), c.brand().stream().map(StoryState.Carrier::name).toList());
        assertEquals(List.of(new Carriers.BrandResponse("2026-11-20T10:30+08:00", "weibo:5", "暖途官方微博", "weibo"),
                new Carriers.BrandResponse("2026-11-20T10:40+08:00", "weibo:6", "暖途官方微博", "weibo")), s.brandResponses());
        assertEquals("2026-11-20T10:30+08:00", s.brandRespondedAt(), "the earliest response, though it arrived second");
    }

    @Test
    void withoutTheBrandsAccountsNobodyIsTheBrand() {
        StoryBook book = new StoryBook(Forecaster.load(), 100, id -> List.of());
        book.record(List.of(m("1", 0, new Author("brand-1", "暖途官方微博", 310_000, true, "enterprise"), Sentiment.NEUTRAL)));
        StorySnapshot s = book.get("weibo:1");
        assertEquals(List.of(), s.brandResponses());
        assertNull(s.brandRespondedAt());
        assertEquals(List.of("暖途官方微博"), s.carriers().kols().stream().map(StoryState.Carrier::name).toList());
    }
}
