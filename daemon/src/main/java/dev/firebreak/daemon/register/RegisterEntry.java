package dev.firebreak.daemon.register;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One line of the 12315/12345 register: a mention that says it came through (or will go to, or was filed
 * with) one of the government hotlines, with its incident (story), the alert raised on it and that
 * alert's lifecycle state (null when no alert was raised).
 */
public record RegisterEntry(String mentionId, OffsetDateTime time, String platform, String authorId, String author,
                            List<String> channels, String stage, String excerpt, String url, String storyId,
                            String alertId, String alertState) {
    /** The hotlines the register is kept for. */
    public static final List<String> HOTLINES = List.of("12315", "12345");

    public RegisterEntry {
        channels = List.copyOf(channels);
    }
}
