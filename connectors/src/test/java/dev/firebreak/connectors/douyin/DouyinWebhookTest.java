package dev.firebreak.connectors.douyin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DouyinWebhookTest {
    private static final String SECRET = "client-secret-zz9";
    private final DouyinWebhook webhook = new DouyinWebhook(SECRET);

    static byte[] body(String fixture) throws Exception {
        return Files.readAllBytes(Fixtures.file("douyin", fixture));
    }

    static String sign(String secret, byte[] body) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] joined = (secret + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(sha1.digest(joined));
    }

    @Test
    void theSignatureIsSha1HexOfSecretAndRawBody() throws Exception {
        // A known vector: sha1("abc") = a9993e36...; secret "a" + body "bc".
        WebhookOutcome ok = new DouyinWebhook("a").handle(Map.of("X-Douyin-Signature",
                "a9993e364706816aba3e25717850c26c9cd0d89d"), "bc".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, ok.status(), "signature accepted, then the body is refused as not JSON");
        assertEquals("body is not a JSON object", ok.message());
    }

    @Test
    void aMissingOrWrongSignatureIsRefused() throws Exception {
        byte[] body = body("webhook_verify.json");
        WebhookOutcome missing = webhook.handle(Map.of("Content-Type", "application/json"), body);
        assertEquals(401, missing.status());
        assertEquals("missing X-Douyin-Signature header", missing.message());
        assertEquals("{\"error\":\"missing X-Douyin-Signature header\"}", missing.responseJson());

        WebhookOutcome wrongSecret = webhook.handle(Map.of("X-Douyin-Signature", sign("other-secret", body)), body);
        assertEquals(401, wrongSecret.status());
        assertTrue(wrongSecret.message().startsWith("X-Douyin-Signature does not match the body"), wrongSecret.message());

        byte[] changed = new String(body, StandardCharsets.UTF_8).replace("12345", "12346").getBytes(StandardCharsets.UTF_8);
        assertEquals(401, webhook.handle(Map.of("X-Douyin-Signature", sign(SECRET, body)), changed).status(),
                "a body changed after signing");
        assertEquals(List.of(), wrongSecret.mentions());
    }

    @Test
    void verifyWebhookIsAnsweredWithItsChallenge() throws Exception {
        byte[] body = body("webhook_verify.json");
        WebhookOutcome o = webhook.handle(Map.of("x-douyin-signature", sign(SECRET, body).toUpperCase()), body);
        assertEquals(200, o.status());
        assertEquals("{\"challenge\":12345}", o.responseJson());
        assertEquals(List.of(), o.mentions());
        assertNull(o.msgId());
    }

    @Test
    void aCommentEventBecomesAMentionAndCarriesItsMsgId() throws Exception {
        byte[] body = body("webhook_item_comment_reply.json");
        WebhookOutcome o = webhook.handle(Map.of("Content-Type", "application/json", "Msg-Id", "fake-msg-0001",
                "X-Douyin-Signature", sign(SECRET, body)), body);
        assertEquals(200, o.status());
        assertEquals("fake-msg-0001", o.msgId());
        String video = "@9VwWjvGUTp9kKW+ma4huFs7901GfuOPuEM5RzrQOuKFAUZ/f660zdRmYqig357zEBoG9CZ3tmAj/+zx3ynAUaVA==";
        assertEquals(List.of(new Mention(Platform.DOUYIN,
                "@9VwW0qOBUN9mJyD3bNxvGc79009zgOPqBPZZyoA+lKVcaZ/P860zdRmYqig357zEBTPAmauvAUsItTqnHsp+cJw==", Kind.COMMENT,
                "你们官方账号只会删差评吗？我的评论又被删了", OffsetDateTime.parse("2024-05-31T19:43:20+08:00"),
                new Author("_0000009abcd-4e5f-8a9b-000000000009", "用户9527", 0, false), video, video, null, Metrics.ZERO)),
                o.mentions());
    }

    @Test
    void otherEventsAreAcknowledgedAndBrokenOnesRefused() throws Exception {
        byte[] digg = "{\"event\":\"new_video_digg\",\"content\":\"{\\\"item_id\\\":\\\"x\\\"}\"}".getBytes(StandardCharsets.UTF_8);
        WebhookOutcome o = webhook.handle(Map.of("X-Douyin-Signature", sign(SECRET, digg), "Msg-Id", "m2"), digg);
        assertEquals(200, o.status());
        assertEquals(List.of(), o.mentions());
        assertEquals("m2", o.msgId());

        byte[] broken = "{\"event\":\"item_comment_reply\",\"content\":\"{not json\"}".getBytes(StandardCharsets.UTF_8);
        WebhookOutcome b = webhook.handle(Map.of("X-Douyin-Signature", sign(SECRET, broken)), broken);
        assertEquals(400, b.status());
        assertEquals("item_comment_reply content lacks comment_id or reply_to_item_id", b.message());
    }
}
