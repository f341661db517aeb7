package dev.firebreak.core;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one time zone of Firebreak's users: China has a single zone, UTC+8, with no daylight saving, so
 * the zone and the offset always agree. Used where a time has none of its own (a mention without an
 * offset, a rule's hours, a robot message's rendering).
 */
public final class ChinaTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private ChinaTime() { }
}
