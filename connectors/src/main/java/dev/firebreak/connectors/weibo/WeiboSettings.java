package dev.firebreak.connectors.weibo;

import dev.firebreak.connectors.pacing.RateBudget;
import java.time.Duration;

/** One Weibo account's validated settings; {@code budget} is shared by every feed of the account. */
record WeiboSettings(String baseUrl, String accessToken, Duration timeout, Duration minInterval,
                     Duration maxInterval, int pageSize, RateBudget budget) {
    @Override
    public String toString() {
        return "WeiboSettings[baseUrl=" + baseUrl + ", accessToken=****]";
    }
}
