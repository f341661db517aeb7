package dev.firebreak.connect.api;

import java.time.Duration;

/** The shortest and longest wait between polls of a feed (see {@code PollPacer}); {@code max >= min > 0}. */
public record PollIntervals(Duration min, Duration max) {
    /** Reads {@code minInterval} and {@code maxInterval}, naming the bad key and why. */
    public static PollIntervals from(ConnectorConfig config) throws ConfigException {
        Duration min = config.positiveDuration("minInterval");
        Duration max = config.positiveDuration("maxInterval");
        if (max.compareTo(min) < 0) {
            throw ConfigException.invalid("maxInterval", config.string("maxInterval"),
                    "must not be shorter than minInterval (" + config.string("minInterval") + ")");
        }
        return new PollIntervals(min, max);
    }
}
