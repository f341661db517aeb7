package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.connect.api.ConfigDef;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connectors.xiaohongshu.ExportRows.RowKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Imports a Xiaohongshu export file: MediaCrawler-shaped JSON lines of notes or comments (the way
 * data gathered by hand, by a vendor or by the brand's own tools reaches the daemon when there is no
 * live source). Reads the file once, reporting each bad line by number, and finishes at its end.
 */
public final class XiaohongshuImportConnector implements Connector {
    public static final String TYPE = "xiaohongshu-import";

    private static final ConfigDef CONFIG = new ConfigDef()
            .required("path", "the JSONL export file (mediacrawler_xhs_note.jsonl or mediacrawler_xhs_comment.jsonl shape)")
            .optional("kind", "auto", "notes, comments, or auto (a row with comment_id is a comment)");

    private String id;
    private Path path;
    private RowKind kind;

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
        this.path = config.readableFile("path");
        String k = config.string("kind");
        this.kind = switch (k.toLowerCase(Locale.ROOT)) {
            case "notes" -> RowKind.NOTES;
            case "comments" -> RowKind.COMMENTS;
            case "auto" -> RowKind.AUTO;
            default -> throw ConfigException.invalid("kind", k, "expected notes, comments or auto");
        };
    }

    @Override
    public List<Feed> feeds() {
        return List.of(new Feed(id, path.getFileName().toString()));
    }

    @Override
    public PollTask task(Feed feed, TaskContext context) {
        return new ImportTask(context.vertx(), path, kind);
    }
}
