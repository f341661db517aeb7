package dev.firebreak.core;

import java.time.OffsetDateTime;

/**
 * The years a stored or queried time may name: the index keeps epoch milliseconds, so an extreme year
 * overflows them, and no mention was ever written outside these. Ingest and the query parameters share it.
 */
public final class StorableTime {
    public static final int MIN_YEAR = 1000;
    public static final int MAX_YEAR = 9999;

    private StorableTime() { }

    public static boolean inRange(OffsetDateTime t) {
        return t.getYear() >= MIN_YEAR && t.getYear() <= MAX_YEAR;
    }
}
