package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.PollIntervals;
import java.time.Duration;
import java.util.List;

/** The checked configuration of a Xiaohongshu connector. {@link #toString()} masks the token. */
record XhsSettings(String baseUrl, String accessToken, List<String> keywords, Duration timeout, Duration minInterval,
                   Duration maxInterval, int callsPerHour, int maxPages, int scanPages) {
    /** The most {@code scanPages} allowed: what the cursor's list of taken notes can tell apart. */
    static final int SCAN_PAGES_MAX = 50;

    static XhsSettings from(ConnectorConfig config) throws ConfigException {
        String baseUrl = config.baseUrl("baseUrl");
        String token = config.secret("accessToken");
        List<String> keywords = config.list("keywords");
        Duration timeout = config.positiveDuration("timeout");
        PollIntervals intervals = PollIntervals.from(config);
        int scanPages = config.positiveInt("scanPages");
        if (scanPages > SCAN_PAGES_MAX) {
            throw ConfigException.invalid("scanPages", scanPages, "must be at most " + SCAN_PAGES_MAX
                    + " (the search pages one scan may read, 20 notes each)");
        }
        return new XhsSettings(baseUrl, token, List.copyOf(keywords), timeout, intervals.min(), intervals.max(),
                config.positiveInt("callsPerHour"), config.positiveInt("maxPages"), scanPages);
    }

    @Override
    public String toString() {
        return "XhsSettings[baseUrl=" + baseUrl + ", accessToken=****, keywords=" + keywords + ", timeout=" + timeout
                + ", minInterval=" + minInterval + ", maxInterval=" + maxInterval + ", callsPerHour=" + callsPerHour
                + ", maxPages=" + maxPages + ", scanPages=" + scanPages + "]";
    }
}
