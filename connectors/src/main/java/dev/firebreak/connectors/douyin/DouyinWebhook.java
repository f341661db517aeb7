package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.connect.api.WebhookReceiver;
import dev.firebreak.core.Mention;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Douyin's webhook calls, without any HTTP server: the daemon passes the headers and the raw body
 * and sends back what the outcome says. Every call must carry {@code X-Douyin-Signature} =
 * hex(sha1(client_secret + raw body)), checked over the exact bytes received (re-encoded JSON would
 * not match). {@code verify_webhook} is answered with its challenge; {@code item_comment_reply}
 * events become comment mentions; other events are acknowledged and ignored.
 */
public final class DouyinWebhook implements WebhookReceiver {
    private final byte[] secret;

    public DouyinWebhook(String clientSecret) {
        this.secret = clientSecret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public WebhookOutcome handle(Map<String, String> headers, byte[] body) {
        String msgId = header(headers, "Msg-Id");
        String signature = header(headers, "X-Douyin-Signature");
        if (signature == null || signature.isBlank()) {
            return WebhookOutcome.refused(401, "missing X-Douyin-Signature header", msgId);
        }
        byte[] expected = HexFormat.of().formatHex(sign(body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return WebhookOutcome.refused(401, "X-Douyin-Signature does not match the body (wrong clientSecret,"
                    + " or the body was changed on the way)", msgId);
        }
        JsonNode event;
        try {
            event = FirebreakJson.mapper().readTree(body);
        } catch (IOException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            return WebhookOutcome.refused(400, "body is not a JSON object", msgId);
        }
        String name = event.path("event").asText("");
        if (name.equals("verify_webhook")) {
            JsonNode challenge = event.path("content").path("challenge");
            if (!challenge.isNumber() && !challenge.isTextual()) {
                return WebhookOutcome.refused(400, "verify_webhook without content.challenge", msgId);
            }
            return new WebhookOutcome(200, "{\"challenge\":" + challenge + "}", List.of(), msgId, "verify_webhook answered");
        }
        if (name.equals("item_comment_reply")) {
            return comment(event, msgId);
        }
        return new WebhookOutcome(200, "{}", List.of(), msgId, "event \"" + name + "\" ignored");
    }

    /** The event's {@code content} is a JSON document inside a string. */
    private static WebhookOutcome comment(JsonNode event, String msgId) {
        JsonNode content;
        try {
            JsonNode raw = event.path("content");
            content = raw.isTextual() ? FirebreakJson.mapper().readTree(raw.asText()) : raw;
        } catch (IOException e) {
            content = null;
        }
        if (content == null || !content.isObject() || content.path("comment_id").asText("").isBlank()
                || content.path("reply_to_item_id").asText("").isBlank()) {
            return WebhookOutcome.refused(400, "item_comment_reply content lacks comment_id or reply_to_item_id", msgId);
        }
        String itemId = content.path("reply_to_item_id").asText();
        String replyTo = content.path("reply_to_comment_id").asText("");
        String nick = content.path("nick_name").asText("");
        String name = nick.isBlank() ? content.path("comment_user_id").asText() : nick;
        Mention m = DouyinMapper.commentLike(content, replyTo.isBlank() ? itemId : replyTo, itemId, name);
        return new WebhookOutcome(200, "{}", List.of(m), msgId, "item_comment_reply accepted");
    }

    private byte[] sign(byte[] body) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(secret);
            return sha1.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
