package dev.firebreak.connectors.douyin;

import java.time.Duration;

/** A validated Douyin configuration. {@link #toString()} leaves the secrets out. */
record DouyinSettings(String baseUrl, String clientKey, String clientSecret, String accessToken, String refreshToken,
                      String openId, Duration timeout, Duration minInterval, Duration maxInterval, int callsPerHour,
                      int pageSize) {
    @Override
    public String toString() {
        return "DouyinSettings[baseUrl=" + baseUrl + ", clientKey=" + clientKey + ", openId=" + openId
                + ", refreshToken=" + (refreshToken == null ? "none" : "set") + ", timeout=" + timeout
                + ", minInterval=" + minInterval + ", maxInterval=" + maxInterval + ", callsPerHour=" + callsPerHour
                + ", pageSize=" + pageSize + "]";
    }
}
