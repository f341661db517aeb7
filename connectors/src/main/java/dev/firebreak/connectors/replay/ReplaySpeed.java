package dev.firebreak.connectors.replay;

import dev.firebreak.connect.api.ConfigException;
import java.time.Duration;

/**
 * How fast a replay runs in event time: {@code max} (no waiting), {@code realtime} (1x), or a factor
 * such as {@code 60} (one hour of mentions in one minute).
 */
public record ReplaySpeed(double factor) {
    public static final ReplaySpeed MAX = new ReplaySpeed(Double.POSITIVE_INFINITY);

    public static ReplaySpeed parse(String key, String value) throws ConfigException {
        if ("max".equals(value)) {
            return MAX;
        }
        if ("realtime".equals(value)) {
            return new ReplaySpeed(1);
        }
        try {
            double f = Double.parseDouble(value);
            if (f > 0 && Double.isFinite(f)) {
                return new ReplaySpeed(f);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw ConfigException.invalid(key, value, "expected max, realtime or a positive factor such as 60");
    }

    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    /** How long to wait in wall time for a gap of {@code eventGap} in event time. */
    public Duration wallTime(Duration eventGap) {
        if (isMax() || eventGap.isNegative() || eventGap.isZero()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (eventGap.toNanos() / factor));
    }
}
