package dev.firebreak.analysis.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintClassifierTest {
    private static final ComplaintClassifier CLASSIFIER = ComplaintClassifier.load();

    private static List<String> classify(String text) {
        return CLASSIFIER.classify(text);
    }

    @Test
    void eachTypeOnItsOwn() {
        assertEquals(List.of("refund"), classify("申请退款三天了还没到账"));
        assertEquals(List.of("refund"), classify("商家就是不给退"));
        assertEquals(List.of("quality"), classify("用了两天就坏了，还漏水"));
        assertEquals(List.of("quality"), classify("做工太差，到处掉漆"));
        assertEquals(List.of("service"), classify("客服态度很差，一直踢皮球"));
        assertEquals(List.of("delivery"), classify("物流太慢了，一个星期还没送达"));
        assertEquals(List.of("delivery"), classify("骑手送错了地址"));
        assertEquals(List.of("price"), classify("价格太离谱，还乱收费"));
        assertEquals(List.of("price"), classify("刚买就降价，差价也不补"));
        assertEquals(List.of("safety"), classify("充电的时候起火了"));
        assertEquals(List.of("safety"), classify("面霜用完过敏了"));
        assertEquals(List.of("safety"), classify("外卖里吃出异物，全家食物中毒"));
        assertEquals(List.of("privacy"), classify("个人信息被泄露了，天天接到骚扰电话"));
        assertEquals(List.of("fraud"), classify("虚假宣传，卖的是假货"));
        assertEquals(List.of("fraud"), classify("这就是诈骗"));
    }

    @Test
    void praiseIsNotAComplaint() {
        assertEquals(List.of(), classify("物流很快，客服态度好"));
        assertEquals(List.of(), classify("发货速度挺快的，点赞"));
        assertEquals(List.of(), classify("退款很快，好评"));
        assertEquals(List.of(), classify("做工精细，质量很好"));
        assertEquals(List.of(), classify("质量没有问题，挺满意的"));
        assertEquals(List.of(), classify("价格实惠"));
    }

    @Test
    void negatedPraiseAndNegatedComplaints() {
        assertEquals(List.of("delivery"), classify("物流一点都不快"));
        assertEquals(List.of("service"), classify("客服不专业"));
        assertEquals(List.of(), classify("不是假货，放心买"));
        assertEquals(List.of(), classify("用了一年也没坏"));
    }

    @Test
    void severalTypesAtOnceInTheFixedOrder() {
        assertEquals(List.of("refund", "quality", "service"), classify("做工一般，掉漆严重，客服踢皮球，不给退"));
        assertEquals(List.of("delivery", "safety", "fraud"), classify("假货！快递还丢件了，用了就过敏"));
    }

    @Test
    void neutralTextsRaiseNothing() {
        assertEquals(List.of(), classify("今天天气不错"));
        assertEquals(List.of(), classify("请问快递一般几天到"));
        assertEquals(List.of(), classify(""));
        assertEquals(List.of(), classify("😀😀😀"));
    }

    @Test
    void neverThrowsOnOddInput() {
        assertEquals(List.of(), classify(null));
        assertEquals(List.of(), classify("\uD800\uDC00\uDFFF\uD800"));
        String longText = "快递太慢了，".repeat(2_000) + "假货";
        List<String> types = classify(longText);
        assertEquals(List.of("delivery"), types, "work stops at the cap, so the tail is not read");
        assertTrue(classify("退\uD800款".repeat(3_000)).isEmpty());
        for (int c = 0; c <= Character.MAX_VALUE; c += 7) classify(String.valueOf((char) c).repeat(5));
    }

    @Test
    void badLinesFailWithFileAndLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ComplaintClassifier.parse(
                "keywords.txt", new StringReader("# c\n退款\trefund\tusual\n骗\tscam\tstrong\n"), true, new LinkedHashMap<>()));
        assertTrue(e.getMessage().startsWith("keywords.txt:3: "), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> ComplaintClassifier.parse(
                "cues.txt", new StringReader("慢\tnegative\n慢\tnegative\n"), false, new LinkedHashMap<>()));
        assertTrue(e.getMessage().startsWith("cues.txt:2: duplicate"), e.getMessage());
    }
}
