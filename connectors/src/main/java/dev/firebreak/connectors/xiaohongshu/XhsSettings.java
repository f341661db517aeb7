package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.connectors.spi.ConfigException;
import dev.firebreak.connectors.spi.ConnectorConfig;
import java.time.Duration;
import java.util.List;

/** The checked configuration of a Xiaohongshu connector. {@link #toString()} masks the token. */
record XhsSettings(String baseUrl, String accessToken, List<String> keywords, Duration timeout, Duration minInterval,
                   Duration maxInterval, int callsPerHour, int maxPages) {

    static XhsSettings from(ConnectorConfig config) throws ConfigException {
        String baseUrl = config.baseUrl("baseUrl");
        String token = config.secret("accessToken");
        List<String> keywords = config.list("keywords");
        Duration timeout = positive(config, "timeout");
        Duration min = positive(config, "minInterval");
        Duration max = positive(config, "maxInterval");
        if (max.compareTo(min) < 0) {
            throw ConfigException.invalid("maxInterval", config.string("maxInterval"),
                    "must not be shorter than minInterval (" + config.string("minInterval") + ")");
        }
        return new XhsSettings(baseUrl, token, List.copyOf(keywords), timeout, min, max,
                config.positiveInt("callsPerHour"), config.positiveInt("maxPages"));
    }

    private static Duration positive(ConnectorConfig config, String key) throws ConfigException {
        Duration d = config.duration(key);
        if (d.isZero()) {
            throw ConfigException.invalid(key, config.string(key), "must be longer than zero");
        }
        return d;
    }

    @Override
    public String toString() {
        return "XhsSettings[baseUrl=" + baseUrl + ", accessToken=****, keywords=" + keywords + ", timeout=" + timeout
                + ", minInterval=" + minInterval + ", maxInterval=" + maxInterval + ", callsPerHour=" + callsPerHour
                + ", maxPages=" + maxPages + "]";
    }
}
