package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.connectors.pacing.RateBudget;
import dev.firebreak.connect.api.ConfigDef;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.TaskContext;
import java.util.List;

/**
 * Xiaohongshu (RED) notes and comments by keyword. Xiaohongshu has NO official API for note search,
 * comments or mentions (its open platform covers shops and orders only), so this connector does not
 * talk to Xiaohongshu: it talks to a configured HTTP JSON source that serves notes and comments in the
 * shape of Xiaohongshu's web API — a licensed data vendor, or the brand's own export service. See
 * {@code connectors/docs/xiaohongshu.md} for what that source must serve.
 * <p>One feed per keyword. All feeds of a connector share one call budget ({@code callsPerHour}).
 */
public final class XiaohongshuConnector implements Connector {
    public static final String TYPE = "xiaohongshu";

    private static final ConfigDef CONFIG = new ConfigDef()
            .required("baseUrl", "the http(s) base URL of the source serving Xiaohongshu web-API JSON (a vendor)")
            .secret("accessToken", "the source's access token, sent as Authorization: Bearer")
            .required("keywords", "what to search notes for: a list, or comma-separated")
            .optional("timeout", "10s", "how long one request may take")
            .optional("minInterval", "2m", "the shortest wait between polls of a keyword (while it is busy)")
            .optional("maxInterval", "15m", "the longest wait between polls of a keyword (while it is quiet)")
            .optional("callsPerHour", 300, "requests per hour to the source, shared by every keyword")
            .optional("maxPages", 5, "search pages, and comment pages per note, fetched in one poll")
            .optional("scanPages", 20, "the most search pages one scan reads (1-50) before it stops short of"
                    + " the notes it already has");

    private String id;
    private XhsSettings settings;
    private RateBudget budget;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public void configure(ConnectorConfig config) throws ConfigException {
        this.id = config.id();
        this.settings = XhsSettings.from(config);
        this.budget = RateBudget.perHour(settings.callsPerHour());
    }

    @Override
    public List<Feed> feeds() {
        return settings.keywords().stream().map(k -> new Feed(id, "keyword:" + k)).toList();
    }

    @Override
    public PollTask task(Feed feed, TaskContext context) {
        String keyword = feed.name().substring("keyword:".length());
        return new KeywordTask(keyword, settings, budget, context);
    }
}
