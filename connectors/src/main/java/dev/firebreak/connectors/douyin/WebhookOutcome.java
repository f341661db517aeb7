package dev.firebreak.connectors.douyin;

import dev.firebreak.connect.api.WebhookReply;
import dev.firebreak.core.Mention;
import java.util.List;

/**
 * What to do with one Douyin webhook call: answer {@code status} with {@code responseJson}, index
 * {@code mentions}, and dedup on {@code msgId} (Douyin retries a delivery up to three times with the same
 * Msg-Id; null when the header is absent). {@code message} says why a call was refused or ignored.
 */
public record WebhookOutcome(int status, String responseJson, List<Mention> mentions, String msgId, String message)
        implements WebhookReply {
    public WebhookOutcome {
        mentions = List.copyOf(mentions);
    }

    static WebhookOutcome refused(int status, String message, String msgId) {
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        return new WebhookOutcome(status, "{\"error\":\"" + escaped + "\"}", List.of(), msgId, message);
    }

    @Override
    public boolean accepted() {
        return status == 200;
    }
}
