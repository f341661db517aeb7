package dev.firebreak.analysis.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Escalation;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationDetectorTest {
    private static final EscalationDetector DETECTOR = EscalationDetector.load();

    private static Escalation detect(String text) {
        return DETECTOR.detect(text);
    }

    private static void threat(String text, String... channels) {
        assertEquals(new Escalation("threat", List.of(channels)), detect(text), text);
    }

    private static void filed(String text, String... channels) {
        assertEquals(new Escalation("filed", List.of(channels)), detect(text), text);
    }

    private static void none(String text) {
        assertNull(detect(text), text);
    }

    @Test
    void theSpecExamples() {
        threat("要去12315投诉", "12315");
        filed("已经打了12315", "12315");
        threat("建议大家都去投诉");
        none("订单号12315678");
        none("12315是什么");
        none("不会去投诉");
        none("看新闻说有人去12315投诉了");
        threat("怎么去12315投诉？", "12315");
    }

    @Test
    void negationCounts() {
        none("我不会去12315投诉的，没必要");
        none("懒得去12315了");
        none("算了不报警了");
        none("不想打官司，耗不起");
        threat("再不退款我就去12315投诉", "12315");
        threat("不给退就找消协", "consumer_association");
    }

    @Test
    void lookAlikeNumbersAreNotChannels() {
        none("电话13812315678");
        none("价格12345元");
        none("取件码12315，快递放门口了");
        none("今天第12345位顾客");
        none("wifi密码12345678");
        none("这台电机110v的");
        threat("打110", "police");
    }

    @Test
    void filedOutranksThreatAndChannelsListEveryTarget() {
        filed("我已经打了12315，还要找律师", "12315", "lawyer");
        filed("律师函已经发了，再不赔就去消协", "consumer_association", "lawyer");
        threat("先去消协调解，调解不成就起诉", "consumer_association", "lawyer");
    }

    @Test
    void callsToOthersAreThreats() {
        threat("建议大家都去投诉");
        threat("姐妹们一起去黑猫投诉吧", "blackcat");
        threat("大家都打12345", "12345");
        none("我要投诉你们客服");
    }

    @Test
    void synonymsAndTheirLookAlikes() {
        threat("不处理就去工商局", "12315");
        threat("明天去市场监管局投诉", "12315");
        none("工商银行的卡丢了");
        threat("实在不行就打市长热线", "12345");
        filed("政府热线已经打了", "12345");
        filed("上黑猫投诉了", "blackcat");
        none("我家黑猫把杯子打碎了");
        threat("我要去消保委", "consumer_association");
        threat("找记者曝光你们", "media");
        threat("准备上315晚会", "media");
        none("我是做自媒体的，欢迎合作");
        none("社交媒体上都在说");
        none("相机夜景曝光过度");
        threat("等着收律师函吧", "lawyer");
        threat("我要起诉你们", "lawyer");
        threat("走法律途径", "lawyer");
        none("我老公是律师");
        filed("报警了", "police");
        threat("去派出所报案", "police");
        none("警察叔叔辛苦了");
    }

    @Test
    void reportedSpeechAndPlainQuestionsAreNone() {
        none("新闻说有人起诉了暖途，吃瓜");
        none("商家说要起诉我给差评，来啊");
        none("12315有用吗？");
        none("有人在消协投诉成功过吗？");
        threat("报警需要带什么？被骗了三千", "police");
    }

    @Test
    void neverThrowsOnOddInput() {
        none("");
        none(null);
        none("😀😀😀");
        none("\uD800\uDFFF\uDC00\uD800");
        for (int c = 0; c <= Character.MAX_VALUE; c += 7) DETECTOR.detect(String.valueOf((char) c).repeat(5));
        String longText = "今天天气很好。".repeat(1_500) + "我要去12315投诉";
        none(longText);   // work stops at the cap
        assertEquals("threat", detect("我要去12315投诉。".repeat(1_000)).stage());
        DETECTOR.detect("12315".repeat(2_000));
        DETECTOR.detect("不".repeat(10_000));
    }

    @Test
    void badLinesFailWithFileAndLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EscalationDetector.parse(
                "channels.txt", new StringReader("# c\n12315\t12315\tstrong\n消协\tconsumer\tstrong\n"), true,
                new LinkedHashMap<>(), new LinkedHashMap<>()));
        assertTrue(e.getMessage().startsWith("channels.txt:3: "), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> EscalationDetector.parse(
                "cues.txt", new StringReader("要\tintent\n\n已经\tdone\n"), false,
                new LinkedHashMap<>(), new LinkedHashMap<>()));
        assertTrue(e.getMessage().startsWith("cues.txt:3: "), e.getMessage());
    }
}
