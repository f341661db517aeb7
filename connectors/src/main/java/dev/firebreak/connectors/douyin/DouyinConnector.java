package dev.firebreak.connectors.douyin;

import dev.firebreak.connectors.http.PlatformHttp;
import dev.firebreak.connectors.pacing.RateBudget;
import dev.firebreak.connect.api.ConfigDef;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.HttpIngress;
import dev.firebreak.connect.api.PollIntervals;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connect.api.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One Douyin business account through the Douyin Open Platform: its videos, the comments and replies
 * on them, and their statistics. The feeds share the account's token and call budget. Douyin also pushes
 * comment events to the account's webhook.
 */
public final class DouyinConnector implements Connector, HttpIngress {
    static final String VIDEOS = "videos";
    static final String COMMENTS = "comments";
    static final String STATS = "stats";

    private static final ConfigDef CONFIG = new ConfigDef()
            .optional("baseUrl", "https://open.douyin.com", "the Douyin Open Platform API")
            .required("clientKey", "the app's client_key")
            .secret("clientSecret", "the app's client_secret (checks webhook signatures)")
            .secret("accessToken", "the account's user access token (act.…)")
            .optionalSecret("refreshToken", "the account's refresh token, to renew an expired access token")
            .required("openId", "the business account's open_id")
            .optional("timeout", "10s", "time-out of each request")
            .optional("minInterval", "60s", "shortest wait between polls, while new items keep coming")
            .optional("maxInterval", "10m", "longest wait between polls, when nothing happens")
            .optional("callsPerHour", 600, "the account's call budget, shared by its feeds")
            .optional("pageSize", 20, "items asked for per page (capped at Douyin's limit per endpoint)");

    private final LongSupplier clock;
    private String id;
    private DouyinSettings settings;
    private DouyinAuth auth;
    private RateBudget budget;
    private KnownVideos known;

    public DouyinConnector() {
        this(System::currentTimeMillis);
    }

    /** With a test clock (statistics schedule and call budget). */
    DouyinConnector(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "douyin";
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public void configure(ConnectorConfig config) throws ConfigException {
        this.id = config.id();
        String baseUrl = config.baseUrl("baseUrl");
        String clientKey = nonBlank(config, "clientKey");
        String openId = nonBlank(config, "openId");
        String refresh = config.string("refreshToken");
        Duration timeout = config.positiveDuration("timeout");
        PollIntervals intervals = PollIntervals.from(config);
        this.settings = new DouyinSettings(baseUrl, clientKey, config.secret("clientSecret"), config.secret("accessToken"),
                refresh == null || refresh.isBlank() ? null : refresh, openId, timeout, intervals.min(), intervals.max(),
                config.positiveInt("callsPerHour"), config.positiveInt("pageSize"));
        this.auth = new DouyinAuth(clientKey, settings.accessToken(), settings.refreshToken());
        this.budget = new RateBudget(settings.callsPerHour(), clock);
        this.known = new KnownVideos();
    }

    private static String nonBlank(ConnectorConfig config, String key) throws ConfigException {
        String v = config.string(key);
        if (v == null || v.isBlank()) {
            throw ConfigException.invalid(key, "(empty)", "must not be empty");
        }
        return v.strip();
    }

    @Override
    public List<Feed> feeds() {
        return List.of(new Feed(id, VIDEOS), new Feed(id, COMMENTS), new Feed(id, STATS));
    }

    @Override
    public PollTask task(Feed feed, TaskContext context) {
        DouyinApi api = new DouyinApi(new PlatformHttp(context.vertx(), "douyin", settings.baseUrl(), settings.timeout()),
                auth, budget);
        return switch (feed.name()) {
            case VIDEOS -> new VideoFeedTask(api, settings, known);
            case COMMENTS -> new CommentFeedTask(api, settings, known);
            case STATS -> new StatsFeedTask(api, settings, known, context.watchlist(), clock);
            default -> throw new IllegalArgumentException("douyin has no feed \"" + feed.name() + "\"");
        };
    }

    DouyinSettings settings() {
        return settings;
    }

    /** The account's videos seen so far, newest first. */
    List<String> knownVideos() {
        return known.ids();
    }

    /** The webhook receiver for this account's app (checks signatures with clientSecret). */
    @Override
    public Optional<WebhookReceiver> webhook() {
        return Optional.of(new DouyinWebhook(settings.clientSecret()));
    }
}
