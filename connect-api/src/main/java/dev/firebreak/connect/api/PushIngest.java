package dev.firebreak.connect.api;

import dev.firebreak.core.InvalidMentionException;
import dev.firebreak.core.Mention;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/** Mentions posted in a request body: how large a body may be and what it must hold. */
public interface PushIngest {
    int maxBodyBytes();

    /** The mentions of a body, or why the whole body is refused. */
    List<Mention> decode(Buffer body) throws InvalidMentionException;
}
