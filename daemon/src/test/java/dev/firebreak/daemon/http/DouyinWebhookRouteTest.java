package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Douyin's webhook on a real daemon: challenge, signature, the comment event indexed once across retries. */
class DouyinWebhookRouteTest {
    private static final String SECRET = "douyin-client-secret-x1";
    private static final String COMMENT_KEY =
            "douyin:@9VwW0qOBUN9mJyD3bNxvGc79009zgOPqBPZZyoA+lKVcaZ/P860zdRmYqig357zEBTPAmauvAUsItTqnHsp+cJw==";

    @TempDir
    Path data;
    Vertx vertx;
    FakePlatformServer fake;
    Firebreak app;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        fake = FakePlatformServer.start(vertx); // no routes: the account's polls fail, the webhook must not care
        ConnectorConfig douyin = new ConnectorConfig("douyin-brand", "douyin", Map.of("baseUrl", fake.baseUrl(),
                "clientKey", "awfake0000nuantu", "clientSecret", SECRET, "accessToken", "act.x", "openId", "o-1",
                "timeout", "2s", "minInterval", "1h", "maxInterval", "1h"));
        app = Firebreak.start(new FirebreakConfig(data, "127.0.0.1", 0, TestRedis.externalUri(), List.of(douyin),
                dev.firebreak.daemon.config.AlertingConfig.BUILTIN), new Firebreak.Options(true, List.of(), p -> { }, "test:" + java.util.UUID.randomUUID() + ":"));
    }

    @AfterEach
    void stop() {
        app.close();
        fake.close();
        vertx.close();
    }

    @Test
    void theChallengeIsAnsweredAndACommentIsIndexedOnceHoweverOftenDouyinRetries() throws Exception {
        byte[] verify = Fixtures.bytes("douyin", "webhook_verify.json");
        HttpResponse<String> challenge = post("douyin-brand", verify, sign(verify), null);
        assertEquals(200, challenge.statusCode());
        assertEquals("{\"challenge\":12345}", challenge.body());

        byte[] event = Fixtures.bytes("douyin", "webhook_item_comment_reply.json");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(200, post("douyin-brand", event, sign(event), "fake-msg-0001").statusCode());
        }
        assertEquals(1, app.index().countId(COMMENT_KEY));

        HttpResponse<String> forged = post("douyin-brand", event, sign("tampered".getBytes()), "fake-msg-0002");
        assertEquals(401, forged.statusCode());
        assertTrue(forged.body().contains("X-Douyin-Signature does not match the body"), forged.body());
        assertEquals(404, post("nobody", event, sign(event), null).statusCode());
    }

    private HttpResponse<String> post(String connector, byte[] body, String signature, String msgId) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort()
                        + "/api/connectors/" + connector + "/webhook"))
                .header("Content-Type", "application/json").header("X-Douyin-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (msgId != null) {
            req.header("Msg-Id", msgId);
        }
        return HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Douyin's documented signature, computed here independently: hex(sha1(client_secret + body)). */
    private static String sign(byte[] body) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha1.digest(body));
    }
}
