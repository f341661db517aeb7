package dev.firebreak.analysis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommittedModelTest {
    private static final SentimentModel MODEL = SentimentModel.load();
    private static final Set<String> EMOTIONS = Set.of("neutral", "happy", "angry", "sad", "fear", "surprise");

    @Test
    void clearComplaintsAreNegative() {
        for (String text : new String[] {"质量太差了，再也不买了", "客服态度恶劣，等了一个小时都没人理，退款也不给",
            "外卖送到都凉了，汤还洒了一半，差评"}) {
            assertTrue(MODEL.score(text).negative() > 0.8, text + " -> " + MODEL.score(text));
        }
    }

    @Test
    void clearPraiseIsPositive() {
        for (String text : new String[] {"非常好用，物流也快，好评", "酒店位置很好，服务热情，房间干净，下次还来"}) {
            assertTrue(MODEL.score(text).negative() < 0.2, text + " -> " + MODEL.score(text));
        }
    }

    @Test
    void emotionsOfClearPosts() {
        assertEquals("happy", MODEL.score("今天好开心啊[哈哈][哈哈]").emotion());
        assertEquals("angry", MODEL.score("气死我了！什么垃圾客服[怒][怒]").emotion());
    }

    @Test
    void anyStringScores() {
        assertTrue(MODEL.version().startsWith("firebreak-sentiment-"), MODEL.version());
        for (String text : new String[] {"", "\uD83D\uDE21\uD83D\uDE21\uD83D\uDE21", "\uD800", "好".repeat(10_000), null}) {
            Scores s = MODEL.score(text);
            assertTrue(s.negative() >= 0 && s.negative() <= 1, String.valueOf(s));
            assertTrue(EMOTIONS.contains(s.emotion()), String.valueOf(s));
            assertTrue(s.emotionConfidence() > 0 && s.emotionConfidence() <= 1, String.valueOf(s));
        }
    }
}
