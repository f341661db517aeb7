package dev.firebreak.connectors.xiaohongshu;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xiaohongshu's display counters: the web API sends "1.2万" (12,000), "3千" (3,000), "10+" (at least
 * ten), plain "3456", sometimes a number. Read with BigDecimal so "1.2万" is exactly 12000, not 11999.
 */
final class XhsCount {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(万|w|W|千|k|K|亿)?\\+?");

    private XhsCount() { }

    /** The count, or 0 when absent or not a count at all (the counter is then simply unknown). */
    static long parse(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = FORM.matcher(text.strip().replace(",", ""));
        if (!m.matches()) {
            return 0;
        }
        BigDecimal n = new BigDecimal(m.group(1));
        String unit = m.group(2);
        if (unit != null) {
            n = n.multiply(switch (unit) {
                case "万", "w", "W" -> BigDecimal.valueOf(10_000);
                case "千", "k", "K" -> BigDecimal.valueOf(1_000);
                default -> BigDecimal.valueOf(100_000_000);
            });
        }
        return n.longValue();
    }

    static long of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return 0;
        }
        return node.isNumber() ? Math.max(0, node.asLong()) : parse(node.asText());
    }
}
