package dev.firebreak.connectors.replay;

import dev.firebreak.connect.api.ConfigDef;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.TaskContext;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays a file of Mention JSON lines, written in event time, at a chosen speed; with
 * {@code rebase: first-start}, shifted to play as if it were happening now ({@link Rebase}).
 */
public final class ReplayConnector implements Connector {
    private static final ConfigDef CONFIG = new ConfigDef()
            .required("path", "the JSONL file of mentions to replay")
            .optional("speed", "max", "max, realtime, or a factor such as 60")
            .optional("batchSize", 500, "mentions per poll when speed is max")
            .optional("rebase", "none", "none, or first-start: shift every time so the first mention lands at the"
                    + " first start (kept in the cursor across restarts)");

    private String id;
    private Path path;
    private ReplaySpeed speed;
    private int batchSize;
    private boolean rebase;

    @Override
    public String type() {
        return "replay";
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public void configure(ConnectorConfig config) throws ConfigException {
        this.id = config.id();
        this.path = config.readableFile("path");
        this.speed = ReplaySpeed.parse("speed", config.string("speed"));
        this.batchSize = config.positiveInt("batchSize");
        this.rebase = Rebase.parse("rebase", config.string("rebase"));
    }

    @Override
    public List<Feed> feeds() {
        return List.of(new Feed(id, path.getFileName().toString()));
    }

    @Override
    public PollTask task(Feed feed, TaskContext context) {
        return new ReplayTask(context.vertx(), path, speed, batchSize, rebase, context.clock());
    }

    public Path path() {
        return path;
    }
}
