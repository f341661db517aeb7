package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.connectors.push.PushConnector;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body over a route's limit, on a daemon with no push connector: a JSON 413 naming the limit. */
class OversizedBodyTest {
    @TempDir
    Path data;
    Firebreak app;

    @BeforeEach
    void start() throws Exception {
        app = Firebreak.start(new FirebreakConfig(data, "127.0.0.1", 0, TestRedis.externalUri(), List.of(),
                dev.firebreak.daemon.config.AlertingConfig.BUILTIN),
                new Firebreak.Options(true, List.of(), p -> { }, "test:" + java.util.UUID.randomUUID() + ":"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aWebhookBodyOverTheLimitIsA413NamingTheLimitWithoutAnyPushConnector() throws Exception {
        byte[] body = new byte[PushConnector.DEFAULT_MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpResponse<String> r = HttpClient.newHttpClient().send(Http.request(app, "/api/connectors/douyin-brand/webhook")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("body is larger than the limit of " + PushConnector.DEFAULT_MAX_BODY_BYTES + " bytes",
                new JsonObject(r.body()).getString("error"));
    }
    @Test
    void aBodyOverTheLimitOfARouteMountedElsewhereIsAJson413Too() throws Exception {
        HttpResponse<String> r = Http.callAs(app, null, "POST", "/api/login", "{\"name\":\"" + "x".repeat(5000) + "\"}");
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("body is larger than the limit of 4096 bytes", new JsonObject(r.body()).getString("error"),
                "each route names its own limit (login reads at most 4 KiB)");
    }
}
