package dev.firebreak.connectors.weibo;

import dev.firebreak.connectors.pacing.RateBudget;
import dev.firebreak.connect.api.ConfigDef;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PollIntervals;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.TaskContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A brand's Weibo account through Open Platform API v2: posts and comments that @ it, comments on its
 * posts, and the reposts and counters of posts in open stories. Ordinary apps cannot search all of
 * Weibo; these are the timelines the account's own token can read.
 */
public final class WeiboConnector implements Connector {
    public static final String REPOSTS = "reposts";
    private static final ConfigDef CONFIG = new ConfigDef()
            .optional("baseUrl", "https://api.weibo.com", "the API's base URL (a proxy or a test server in tests)")
            .secret("accessToken", "the account's OAuth 2 access token")
            .optional("feeds", "mentions,comment-mentions,comments-to-me,reposts",
                    "which timelines to poll: mentions, comment-mentions, comments-to-me, reposts")
            .optional("timeout", "10s", "how long one request may take before it is retried")
            .optional("minInterval", "60s", "the shortest wait between polls of a busy timeline")
            .optional("maxInterval", "5m", "the longest wait between polls of a quiet timeline")
            .optional("callsPerHour", 150, "the account's API quota per hour, shared by its feeds")
            .optional("pageSize", 50, "items per request (Weibo allows up to 200)");

    private String id;
    private WeiboSettings settings;
    private final List<String> feeds = new ArrayList<>();

    @Override
    public String type() {
        return "weibo";
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public void configure(ConnectorConfig config) throws ConfigException {
        id = config.id();
        int pageSize = config.positiveInt("pageSize");
        if (pageSize > 200) {
            throw ConfigException.invalid("pageSize", pageSize, "Weibo returns at most 200 items per request");
        }
        PollIntervals intervals = PollIntervals.from(config);
        for (String feed : config.list("feeds")) {
            if (!feed.equals(REPOSTS) && WeiboTimeline.named(feed) == null) {
                throw ConfigException.invalid("feeds", config.string("feeds"), "unknown feed \"" + feed
                        + "\" (expected mentions, comment-mentions, comments-to-me, reposts)");
            }
            feeds.add(feed);
        }
        settings = new WeiboSettings(config.baseUrl("baseUrl"), config.secret("accessToken"),
                config.positiveDuration("timeout"), intervals.min(), intervals.max(), pageSize,
                RateBudget.perHour(config.positiveInt("callsPerHour")));
    }

    @Override
    public List<Feed> feeds() {
        return feeds.stream().map(f -> new Feed(id, f)).toList();
    }

    @Override
    public PollTask task(Feed feed, TaskContext context) {
        if (feed.name().equals(REPOSTS)) {
            return new RepostTask(context.vertx(), settings, context.watchlist(), context.clock());
        }
        return new TimelineTask(context.vertx(), WeiboTimeline.named(feed.name()), settings);
    }
}
