package dev.firebreak.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class QueryMatcherTest {

    static boolean m(String query, String text) {
        return m(query, new Target(text, "weibo", "post", "u1", "某人"));
    }

    static boolean m(String query, Target t) {
        return QueryMatcher.matches(QueryParserTest.parse(query), t);
    }

    @Test
    void chineseTermsMatchAsSubstrings() {
        assertTrue(m("退款", "申请退款被拒了"));
        assertTrue(m("退款 被拒", "申请退款被拒了"));
        assertFalse(m("退款 客服", "申请退款被拒了"));
        assertTrue(m("退款 OR 客服", "客服不理人"));
        assertFalse(m("退款", "退 款"), "a space splits the word");
    }

    @Test
    void phrasesMatchTheExactNormalisedText() {
        assertTrue(m("\"退款 不给\"", "说好的退款   不给了"), "whitespace runs in the text collapse");
        assertTrue(m("\"退款 不给\"", "说好的退款\u3000不给了"), "an ideographic space is a space");
        assertFalse(m("\"退款 不给\"", "说好的退款不给了"));
        assertTrue(m("\"退款不给\"", "说好的退款不给了"));
    }

    @Test
    void notExcludes() {
        assertTrue(m("退款 NOT 已解决", "退款还没到"));
        assertFalse(m("退款 NOT 已解决", "退款已解决，谢谢"));
        assertFalse(m("退款 -已解决", "退款已解决，谢谢"));
        assertTrue(m("NOT 好评", "差评"), "a query can be only a NOT");
        assertTrue(m("-(好评 OR 推荐) 炸锅", "炸锅冒烟"));
    }

    @Test
    void nearCountsCharactersBetweenInEitherOrder() {
        // 退款 + 3 characters + 客服
        String text = "退款找不到客服";
        assertTrue(m("退款 NEAR/3 客服", text));
        assertFalse(m("退款 NEAR/2 客服", text), "one character too far");
        assertTrue(m("客服 NEAR/3 退款", text), "either order");
        assertTrue(m("退款 NEAR/3 客服", "客服说不给退款"));
        assertFalse(m("退款 NEAR/2 客服", "客服说不给退款"));
        assertTrue(m("退款 NEAR/0 客服", "退款客服"), "adjacent is distance 0");
        assertTrue(m("退款 NEAR/0 款客", "退款客服"), "overlapping occurrences count");
        assertTrue(m("\"a b\" NEAR/3 c", "a b x c"), "a space is a character: \" x \" is three");
        assertFalse(m("\"a b\" NEAR/2 c", "a b x c"));
        assertTrue(m("退款 NEAR/2 客服", "客服！！退款………退款没人管"), "the nearest pair counts, not the first");
        assertTrue(m("退款 NEAR/1 客服", "😡😡退款😡客服"), "an emoji is one character");
        assertFalse(m("退款 NEAR/0 客服", "😡😡退款😡客服"));
        assertFalse(m("退款 NEAR/5 客服", "只有退款"));
    }

    @Test
    void latinTermsDoNotMatchInsideLongerWords() {
        assertTrue(m("T7", "暖途T7炸锅"));
        assertFalse(m("T7", "暖途T70炸锅"));
        assertFalse(m("T7", "暖途AT7炸锅"));
        assertTrue(m("T7", "T7"));
        assertTrue(m("T7", "买了t7，后悔"));
        assertTrue(m("T7", "t70 和 t7 都买了"), "a later occurrence that stands alone counts");
        assertTrue(m("iphone", "iPhone-15"), "a hyphen separates");
        assertFalse(m("iphone", "iPhone15"));
        assertTrue(m("小米su7", "小米SU7 Ultra"), "the rule applies at the Latin end only");
        assertTrue(m("米su7", "小米SU7"), "a term that starts with Chinese may start anywhere");
        assertFalse(m("小米su7", "小米SU70"));
        assertTrue(m("T7 NEAR/2 冒烟", "T7又冒烟"));
        assertFalse(m("T7 NEAR/2 冒烟", "T70又冒烟"), "NEAR operands obey the glue rule too");
        assertTrue(m("é", "café"), "accented letters do not glue");
    }

    @Test
    void caseAndFullWidthFold() {
        assertTrue(m("iphone", "ＩＰＨＯＮＥ坏了"));
        assertTrue(m("ＩＰｈｏｎｅ", "iphone坏了"));
        assertTrue(m("T7", "ｔ７坏了"));
        assertFalse(m("T7", "ｔ７０坏了"));
        assertTrue(m("\"a,b\"", "Ａ，Ｂ"), "full-width punctuation folds too");
    }

    @Test
    void fieldsFilter() {
        Target t = new Target("炸锅冒烟", "douyin", "comment", "MS4wLjAB", "暖途 官方旗舰店");
        assertTrue(m("platform:douyin", t));
        assertFalse(m("platform:weibo", t));
        assertTrue(m("kind:comment 冒烟", t));
        assertFalse(m("kind:post 冒烟", t));
        assertTrue(m("author:MS4wLjAB", t));
        assertFalse(m("author:ms4wljab", t), "author ids are exact");
        assertFalse(m("author:MS4wLj", t), "and whole");
        assertTrue(m("name:官方", t));
        assertTrue(m("name:\"暖途 官方\"", t));
        assertFalse(m("name:冒烟", t), "name: looks at the name, not the text");
        assertFalse(m("官方", t), "a bare term looks at the text, not the name");
        assertTrue(m("text:冒烟", t));
        assertTrue(m("(platform:weibo OR platform:douyin) NOT kind:repost", t));
    }

    @Test
    void targetOfAMentionNormalisesOnce() {
        Mention mention = new Mention(Platform.XIAOHONGSHU, "n1", Kind.NOTE, "  ＡＢＣ  退款\n\n不给 ",
                OffsetDateTime.parse("2026-11-20T10:00:00+08:00"), new Author("u9", "Ｎｕａｎ Tu", 5, false),
                null, null, null, Metrics.ZERO);
        Target t = Target.of(mention);
        assertEquals(new Target("abc 退款 不给", "xiaohongshu", "note", "u9", "nuan tu"), t);
        assertEquals("abc 退款 不给", t.text());
        String normal = "已经 normal 的文本";
        assertSame(normal, new Target(normal, "weibo", "post", "u", "n").text(), "a normal text is not copied");
        assertTrue(m("\"abc 退款\" kind:note platform:xiaohongshu author:u9 name:nuan", t));
        Target empty = new Target(null, null, null, null, null);
        assertFalse(m("a", empty));
        assertTrue(m("NOT a", empty));
    }
}
