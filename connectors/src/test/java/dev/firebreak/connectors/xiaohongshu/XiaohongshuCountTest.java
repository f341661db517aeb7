package dev.firebreak.connectors.xiaohongshu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class XiaohongshuCountTest {
    @Test
    void displayStringsBecomeWholeCounts() {
        assertEquals(12_000, XhsCount.parse("1.2万"));
        assertEquals(21_000, XhsCount.parse("2.1万"));
        assertEquals(34_000, XhsCount.parse("3.4万"));
        assertEquals(10_000, XhsCount.parse("1万"));
        assertEquals(3_000, XhsCount.parse("3千"));
        assertEquals(1_500, XhsCount.parse("1.5k"));
        assertEquals(150_000_000, XhsCount.parse("1.5亿"));
        assertEquals(10, XhsCount.parse("10+"));
        assertEquals(3456, XhsCount.parse("3456"));
        assertEquals(1234, XhsCount.parse("1,234"));
        assertEquals(987, XhsCount.parse(" 987 "));
    }

    @Test
    void absentOrUnreadableCountsAreZero() {
        assertEquals(0, XhsCount.parse(null));
        assertEquals(0, XhsCount.parse(""));
        assertEquals(0, XhsCount.parse("赞"));
        assertEquals(0, XhsCount.parse("-5"));
        assertEquals(0, XhsCount.of(null));
        assertEquals(0, XhsCount.of(JsonNodeFactory.instance.nullNode()));
    }

    @Test
    void numericJsonCountsAreTakenAsTheyAre() {
        assertEquals(42, XhsCount.of(JsonNodeFactory.instance.numberNode(42)));
        assertEquals(12_000, XhsCount.of(JsonNodeFactory.instance.textNode("1.2万")));
    }
}
