package dev.firebreak.rules.model;

import dev.firebreak.core.ChinaTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Locale;

/**
 * When a rule may fire, in its own time zone: {@code active: {hours: "08:00-22:00"}} fires only in that
 * window, {@code quiet: "23:00-07:00"} never in that one. A window includes its start minute and
 * excludes its end minute and may cross midnight.
 */
public final class Hours {
    public static final ZoneId DEFAULT_ZONE = ChinaTime.ZONE;

    private final boolean quiet;
    private final int from;
    private final int to;
    private final ZoneId zone;
    private final ZoneRules rules;

    /** {@code from}, {@code to}: minutes of the day, 0..1439, different. */
    public Hours(boolean quiet, int from, int to, ZoneId zone) {
        if (from == to || from < 0 || to < 0 || from >= 1440 || to >= 1440) {
            throw new IllegalArgumentException("a window needs two different times of day");
        }
        this.quiet = quiet;
        this.from = from;
        this.to = to;
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** Minutes of the day of {@code "08:00-22:00"}, or null when it is not that form. {@code 24:00} reads 00:00. */
    public static int[] parseWindow(String text) {
        var m = java.util.regex.Pattern.compile("\\s*([01]?[0-9]|2[0-4]):([0-5][0-9])\\s*-\\s*([01]?[0-9]|2[0-4]):([0-5][0-9])\\s*")
                .matcher(text);
        if (!m.matches()) {
            return null;
        }
        int a = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int b = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        if (a > 1440 || b > 1440) {
            return null;
        }
        return new int[] {a % 1440, b % 1440};
    }

    public boolean allows(Instant at) {
        long local = at.getEpochSecond() + rules.getOffset(at).getTotalSeconds();
        int minute = (int) Math.floorMod(local, 86_400L) / 60;
        boolean inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
        return quiet != inside;
    }

    public String canonical() {
        return (quiet ? "quiet " : "active ") + hhmm(from) + "-" + hhmm(to) + " " + zone.getId();
    }

    private static String hhmm(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }
}
