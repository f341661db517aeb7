package dev.firebreak.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of Firebreak, for rule files, configuration, the command line and the API:
 * whole numbers with a unit ({@code 250ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}) or sums
 * like {@code 1h30m}. Each caller words its own error around {@link #problem}.
 */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]{1,12}(?:ms|[smhd]))+");
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|[smhd])");
    private static final Pattern BARE = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    private Durations() { }

    /** The duration, or null when the text is not one (see {@link #problem}). */
    public static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (!WHOLE.matcher(t).matches() || t.length() > 40) {
            return null;
        }
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return d;
    }

    /** What is wrong with a text that {@link #parse} refused, after {@code key: }. */
    public static String problem(String text) {
        if (BARE.matcher(text.strip()).matches()) {
            return "\"" + text.strip() + "\" has no unit (use s, m, h or d, e.g. 30m)";
        }
        return "expected a duration like 30s, 10m, 2h or 1d, got \"" + text + "\"";
    }

    /** {@code 90m} reads {@code 1h30m}; zero reads {@code 0s}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                out.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return out.toString();
    }
}
