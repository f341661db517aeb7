package dev.firebreak.connect.api;

import dev.firebreak.core.Mention;
import java.util.List;

/**
 * What to do with one webhook call: answer {@code status} with {@code responseJson}, store
 * {@code mentions}, and take a delivery only once per {@code msgId} (null when the platform sends none).
 * {@code message} says why a call was refused or ignored.
 */
public interface WebhookReply {
    int status();

    String responseJson();

    List<Mention> mentions();

    String msgId();

    String message();

    default boolean accepted() {
        return status() == 200;
    }
}
