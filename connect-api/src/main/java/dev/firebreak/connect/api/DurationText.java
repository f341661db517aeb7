package dev.firebreak.connect.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as configuration files write them: a whole number and a unit (ms, s, m, h, d). */
public final class DurationText {
    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() { }

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a whole number with a unit (ms, s, m, h, d), such as 30s or 5m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
