package dev.firebreak.daemon.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Hostile pieces of input, drawn from a seeded {@link Random} so a failing run can be repeated: JSON values
 * of every wrong type and range, text that breaks parsers (control characters, lone surrogates, broken
 * escapes, deep nesting), and cuts and splices of good input.
 */
final class Hostile {
    /** JSON values (as JSON text) of every kind a field might wrongly get. */
    static final List<String> JSON_VALUES = List.of("\"\"", "\"\\u0000\"", "null", "true", "false", "0", "-1", "1",
            "1e309", "-1e309", "1.5", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "[]", "{}", "[1,2]", "{\"a\":1}", "\"+999999999-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"",
            "\"2026-11-20T10:15:00\"", "\"2026-02-30T10:15:00+08:00\"", "\"2026-11-20T10:15:00+25:00\"",
            "\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999999999-18:00\"", "\"WEIBO\"", "\"weibo \"",
            "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u202e退款\"", "\"" + "长".repeat(5000) + "\"", "\"x\\ny\"",
            "\"%s%n%x\"", "\"<script>\"", "\"' OR 1=1 --\"", "\"../../etc/passwd\"", "\"(((((\"", "\"\\\"\"");

    /** Raw text for query parameters and rule matches (not encoded yet). */
    static final List<String> WORDS = List.of("", " ", "%", "%zz", "%%", "%0", "%00", "%ff", "%e4%b8", "退款", "退款 NEAR/5 客服",
            "NEAR/99999999999", "NEAR/", "a NEAR/3 b NEAR/3 c", "platform:", "platform:weibo2", "kind:post", "author:",
            "name:\"", "\"", "\"\"", "\\", "(", ")", "()", ")(", "a AND", "OR", "NOT", "- -", "--a", "-", "a -",
            "+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-11-20T10:00:00+08:00", "2026-13-01T00:00Z",
            "-1", "0", "99999999999999999999", "1e309", "NaN", "risk", "newest", "\u0000", "\u202e", "😡", "\ud800",
            "a&b=c", "a#b", "a+b", "a;b", "*", "?", "../..", "日".repeat(3000), "a ".repeat(1500));

    private final Random random;

    Hostile(long seed) {
        this.random = new Random(seed);
    }

    int below(int n) {
        return random.nextInt(n);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** Parentheses or NOTs nested {@code depth} deep around a word. */
    String nested(int depth) {
        return chance(50) ? "(".repeat(depth) + "退款" + ")".repeat(depth) : "-".repeat(depth) + "退款";
    }

    /** A word for a query: from the list, deeply nested, or random characters of every plane. */
    String word() {
        int kind = below(10);
        if (kind < 6) return pick(WORDS);
        if (kind < 8) return nested(pick(List.of(2, 63, 65, 200, 1000)));
        StringBuilder sb = new StringBuilder();
        for (int i = below(30); i >= 0; i--) {
            sb.appendCodePoint(pick(List.of(below(0x80), below(0x3000), 0x4e00 + below(0x5000), 0x1f600 + below(80), 0xd800 + below(0x800))));
        }
        return sb.toString();
    }

    /** {@code text} cut at a random place, with a random piece repeated, or with hostile bytes spliced in. */
    String mangle(String text) {
        if (text.isEmpty()) return pick(WORDS);
        int at = below(text.length());
        return switch (below(5)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + text.substring(at, Math.min(text.length(), at + 1 + below(20))).repeat(2 + below(50))
                    + text.substring(at);
            case 2 -> text.substring(0, at) + pick(List.of("\u0000", "\t", "\r", "\n", "\"", "'", "{", "}", "[", "]", ":", ",",
                    "&", "*", "!", "%", "#", "|", ">", "\\", "\ud800", "\ufeff")) + text.substring(at);
            case 3 -> text.substring(at) + text.substring(0, at);
            default -> text + pick(WORDS);
        };
    }
}
