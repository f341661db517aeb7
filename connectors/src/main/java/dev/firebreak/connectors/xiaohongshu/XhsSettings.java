package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.PollIntervals;
import java.time.Duration;
import java.util.List;

/** The checked configuration of a Xiaohongshu connector. {@link #toString()} masks the token. */
record XhsSettings(String baseUrl, String accessToken, List<String> keywords, Duration timeout, Duration minInterval,
                   Duration maxInterval, int callsPerHour, int maxPages) {

    static XhsSettings from(ConnectorConfig config) throws ConfigException {
        String baseUrl = config.baseUrl("baseUrl");
        String token = config.secret("accessToken");
        List<String> keywords = config.list("keywords");
        Duration timeout = config.positiveDuration("timeout");
        PollIntervals intervals = PollIntervals.from(config);
        return new XhsSettings(baseUrl, token, List.copyOf(keywords), timeout, intervals.min(), intervals.max(),
                config.positiveInt("callsPerHour"), config.positiveInt("maxPages"));
    }

    @Override
    public String toString() {
        return "XhsSettings[baseUrl=" + baseUrl + ", accessToken=****, keywords=" + keywords + ", timeout=" + timeout
                + ", minInterval=" + minInterval + ", maxInterval=" + maxInterval + ", callsPerHour=" + callsPerHour
                + ", maxPages=" + maxPages + "]";
    }
}
