package dev.firebreak.connectors.push;

import dev.firebreak.connect.api.ConfigDef;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.HttpIngress;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.PushIngest;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.core.InvalidMentionException;
import dev.firebreak.core.Mention;
import dev.firebreak.core.MentionCodec;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Push ingest: platforms that push, and other tools, POST one Mention or a JSON array of them to
 * {@code /api/ingest}. Nothing is polled, so there are no feeds; this class owns what a body may be.
 */
public final class PushConnector implements Connector, HttpIngress, PushIngest {
    public static final int DEFAULT_MAX_BODY_BYTES = HttpIngress.DEFAULT_MAX_BODY_BYTES;
    private static final ConfigDef CONFIG = new ConfigDef()
            .optional("maxBodyBytes", DEFAULT_MAX_BODY_BYTES, "largest accepted request body, in bytes");

    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

    @Override
    public String type() {
        return "push";
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public void configure(ConnectorConfig config) throws ConfigException {
        this.maxBodyBytes = config.positiveInt("maxBodyBytes");
    }

    @Override
    public List<Feed> feeds() {
        return List.of();
    }

    @Override
    public PollTask task(Feed feed, TaskContext context) {
        throw new UnsupportedOperationException("push ingest has no feeds to poll");
    }

    @Override
    public Optional<PushIngest> push() {
        return Optional.of(this);
    }

    @Override
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The mentions of a push body, or why the whole body is refused. */
    @Override
    public List<Mention> decode(Buffer body) throws InvalidMentionException {
        if (body == null || body.length() == 0) {
            throw new InvalidMentionException("empty body: expected one Mention JSON object or an array of them");
        }
        if (body.length() > maxBodyBytes) {
            throw new InvalidMentionException("body is " + body.length() + " bytes; the limit is " + maxBodyBytes);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidMentionException("body is not UTF-8 text");
        }
        List<Mention> mentions = MentionCodec.decodeOneOrMany(text);
        if (mentions.isEmpty()) {
            throw new InvalidMentionException("empty array: nothing to ingest");
        }
        return mentions;
    }
}
