package dev.firebreak.analysis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeaturesTest {
    private final TextNormaliser normaliser = new TextNormaliser(2000);
    private final NgramHasher hasher = new NgramHasher(20, 3, 2000);

    @Test
    void foldsCaseAndFullWidthAndCollapsesDigitsAndSpaces() {
        assertEquals("iphone0 太差了!", normaliser.normalise("ＩＰｈｏｎｅ１５　　 太差了！"));
        assertEquals("等了0分钟", normaliser.normalise("等了 120分钟".replace(" ", "")));
        assertEquals("a b", normaliser.normalise("  A \t\n B  "));
    }

    @Test
    void dropsUrlsAndNames() {
        assertEquals("太差了 看", normaliser.normalise("@小米手机 太差了 http://t.cn/A6xYz 看"));
        assertEquals("// :致敬", normaliser.normalise("//@Mr_凡先生:致敬"), "a name ends at punctuation");
        assertEquals("", normaliser.normalise("www.example.com/x?y=1"));
    }

    @Test
    void aKnownEmojiReadsAsTheWeiboEmoticonThatMeansTheSame() {
        assertEquals(normaliser.normalise("太差了[怒]"), normaliser.normalise("太差了\uD83D\uDE21"));
        assertEquals(normaliser.normalise("[赞][赞]"), normaliser.normalise("\uD83D\uDC4D\uD83D\uDC4D"));
        assertEquals("\uD83C\uDF54", normaliser.normalise("\uD83C\uDF54"), "an unknown emoji is kept as it is");
    }

    @Test
    void aTextWithNothingToReadHasNoFeaturesAndScoresNeutral() {
        assertEquals(0, hasher.buckets("").length);
        assertEquals(0, hasher.buckets("...！！！\uD83C\uDF54 ").length);
        assertTrue(hasher.buckets("\uD83D\uDE21").length > 0, "a known emoji is something to read");
        Scores s = SentimentModel.load().score("……\uD83C\uDF54\uD83C\uDF54");
        assertEquals(Scores.NOTHING_TO_READ, s);
        assertEquals("neutral", s.label());
        assertEquals(0.0, s.negativeOverall());
    }

    @Test
    void bracketEmoticonIsOneToken() {
        String angry = normaliser.normalise("[怒]");
        assertEquals(1, angry.length());
        assertEquals(angry, normaliser.normalise("［怒］"), "full-width brackets are the same emoticon");
        assertNotEquals(angry, normaliser.normalise("[哈哈]"));
        assertEquals(1, normaliser.normalise("[哈哈]").length());
        assertEquals("[ 不是表情]", normaliser.normalise("[ 不是表情]"), "a space inside is not an emoticon");
        assertEquals("[很长很长很长很长很长]", normaliser.normalise("[很长很长很长很长很长]"), "longer than 8 is not one");
    }

    @Test
    void longRepeatsAreCutToThree() {
        assertEquals("哈哈哈", normaliser.normalise("哈哈哈哈哈哈哈哈"));
        assertEquals("!!!", normaliser.normalise("！！！！！！"));
    }

    @Test
    void onlyTheFirstCharsAreRead() {
        String longText = "差".repeat(3) + "好".repeat(10_000);
        int[] buckets = hasher.buckets(longText);
        assertTrue(buckets.length <= (2000 + 2) * 3, "features: " + buckets.length);
        assertArrayEquals(buckets, hasher.buckets(longText.substring(0, 2000)));
        assertArrayEquals(hasher.buckets("abc"), hasher.buckets("abc"), "deterministic");
    }

    @Test
    void weirdInputDoesNotThrow() {
        String[] weird = {"", " ", "\uD83D\uDE21\uD83D\uDE21", "\uD800", "\uDC00x\uD800", "[", "[]", "@", "http://",
            "\u0000\u0002\u0003", "\uE000\uF8FF", "[\uD800]", "１２３４５６７８９０", "@".repeat(5000), "[".repeat(3000)};
        for (String w : weird) {
            int[] buckets = hasher.buckets(w);
            for (int b : buckets) assertTrue(b >= 0 && b < hasher.buckets());
        }
        assertEquals(0, normaliser.normalise(null, new char[2000]));
        assertFalse(normaliser.normalise("\uE001").contains("\uE001"), "private-use input cannot pose as an emoticon");
    }
}
