package dev.firebreak.monitor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Sentiment;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconScorerTest {
    private static final LexiconScorer SCORER = LexiconScorer.load();

    private static Analysis score(String text) {
        return SCORER.score(text);
    }

    @Test
    void loadsTheBundledLexicons() {
        assertTrue(SCORER.size() > 200, "sentiment entries: " + SCORER.size());
    }

    @Test
    void clearComplaintIsStronglyNegative() {
        Analysis a = score("暖途T7空气炸锅用了三天就冒烟了，客服还踢皮球，太坑了！");
        assertEquals(Sentiment.NEGATIVE, a.label());
        assertTrue(a.negative() >= 0.8, "negative=" + a.negative());
    }

    @Test
    void clearPraiseIsPositive() {
        Analysis a = score("这个加湿器真的很好用，已经回购第二台了，推荐！");
        assertEquals(Sentiment.POSITIVE, a.label());
        assertTrue(a.negative() <= 0.3, "negative=" + a.negative());
    }

    @Test
    void questionWithoutEvidenceIsNeutralNearThePrior() {
        Analysis a = score("请问暖途破壁机P5什么时候上新？");
        assertEquals(Sentiment.NEUTRAL, a.label());
        assertTrue(a.negative() >= 0.2 && a.negative() <= 0.35, "negative=" + a.negative());
    }

    @Test
    void fillsOnlyWhatItKnows() {
        Analysis a = score("太坑了");
        assertEquals(LexiconScorer.MODEL, a.model());
        assertNull(a.emotion());
        assertNull(a.escalation());
        assertEquals(List.of(), a.complaint());
        assertEquals(List.of(), a.entities());
    }

    @Test
    void negatedPraiseIsNegative() {
        assertEquals(Sentiment.POSITIVE, score("好用").label());
        assertEquals(Sentiment.NEGATIVE, score("一点都不好用").label());
        assertEquals(Sentiment.NEGATIVE, score("不满意，不推荐").label());
    }

    @Test
    void negatedComplaintIsNotNegative() {
        Analysis a = score("质量没有问题，挺满意的");
        assertNotEquals(Sentiment.NEGATIVE, a.label());
        assertTrue(a.negative() < score("请问").negative(), "negative=" + a.negative());
        assertEquals(Sentiment.POSITIVE, score("做工不差").label());
        assertTrue(score("做工不差").negative() > score("做工好").negative(), "不差 is weaker than 好");
    }

    @Test
    void negatorOnlyReachesNearbyWordsInTheSameClause() {
        assertEquals(Sentiment.POSITIVE, score("不是说别的，好用").label());
        assertEquals(Sentiment.NEGATIVE, score("不是很满意").label());
        assertTrue(score("不是很满意").negative() < score("很不满意").negative(),
                "an adverb after the negator does not amplify");
    }

    @Test
    void rhetoricalNegationInAQuestionDoesNotFlip() {
        assertNotEquals(Sentiment.POSITIVE, score("这不是坑人吗？").label());
        assertEquals(Sentiment.NEGATIVE, score("没见过这么离谱的，这不是骗子是什么").label());
        assertNotEquals(Sentiment.POSITIVE, score("这难道不是垃圾吗，大家评评理").label());
        assertEquals(Sentiment.NEGATIVE, score("说实话，不满意。").label(), "a statement still flips");
    }

    @Test
    void intensifierMakesNegativeMoreNegative() {
        double plain = score("用了三天就坏了").negative();
        double strong = score("用了三天就彻底坏了").negative();
        double weak = score("用了三天就有点坏了").negative();
        assertTrue(strong > plain, strong + " vs " + plain);
        assertTrue(weak < plain, weak + " vs " + plain);
    }

    @Test
    void urlsAndMentionsDoNotCount() {
        double prior = score("看看这个").negative();
        Analysis a = score("@避雷小助手 @垃圾分类君:看看这个 https://t.cn/yyds?q=good");
        assertEquals(Sentiment.NEUTRAL, a.label());
        assertEquals(prior, a.negative(), 1e-12);
    }

    @Test
    void topicTextCounts() {
        assertEquals(Sentiment.NEGATIVE, score("#暖途空气炸锅冒烟#").label());
    }

    @Test
    void bracketEmoticonsAreSmallEvidence() {
        double plain = score("客服回复了").negative();
        double angry = score("客服回复了[怒][抓狂]").negative();
        assertTrue(angry > plain, angry + " vs " + plain);
        assertEquals(Sentiment.POSITIVE, score("收到了[赞]").label());
        assertEquals(score("[赞]").negative(), score("[赞][doge]").negative(), 1e-12, "unknown tags carry nothing");
    }

    @Test
    void aNotAQuestionsAreNotNegation() {
        assertEquals(Sentiment.NEUTRAL, score("这个锅值不值得买？").label());
        assertEquals(Sentiment.NEUTRAL, score("有没有人用过，好不好用").label());
    }

    @Test
    void parsesCommentsBlanksAndWeights() throws Exception {
        Map<String, Double> words = LexiconScorer.parse("positive.txt",
                new StringReader("# comment\n\n好用\t2.0\nYYDS\t2.2\n"), true);
        assertEquals(Map.of("好用", 2.0, "yyds", 2.2), words);
        assertEquals(Map.of("不", 1.0, "没有", 1.0),
                LexiconScorer.parse("negation.txt", new StringReader("不\n# x\n没有\n"), false));
    }

    @Test
    void malformedLineFailsWithFileAndLine() {
        assertMalformed("negative.txt:4", "# c\n\n坏了\t2.0\n漏水 2.0\n", true);
        assertMalformed("negative.txt:1", "漏水\tlots\n", true);
        assertMalformed("negative.txt:2", "漏水\t2.0\n坏了\t-1\n", true);
        assertMalformed("negative.txt:2", "漏水\t2.0\n坏了\t2.0\t3\n", true);
        assertMalformed("negative.txt:3", "漏水\t2.0\n#\n漏水\t1.0\n", true);
        assertMalformed("negation.txt:2", "不\n没有\t1\n", false);
    }

    private static void assertMalformed(String where, String content, boolean weighted) {
        String file = where.substring(0, where.indexOf(':'));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LexiconScorer.parse(file, new StringReader(content), weighted));
        assertTrue(e.getMessage().startsWith(where + ":"), e.getMessage());
    }
}
