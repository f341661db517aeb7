package dev.firebreak.delivery.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.firebreak.delivery.Delivery;
import dev.firebreak.delivery.SendResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our webhook requests verify with the npm {@code standardwebhooks} package, run by node. */
class WebhookSignatureTest {
    static final Path TOOLS = Path.of("../deploy/test-tools/node_modules").toAbsolutePath().normalize();
    static final Path SCRIPT = Path.of("src/test/node/verify-webhook.js").toAbsolutePath();

    Vertx vertx;
    HttpServer server;
    CompletableFuture<JsonObject> captured;
    int answer = 200;

    @BeforeEach
    void start() throws Exception {
        if (!Files.isDirectory(TOOLS.resolve("standardwebhooks"))) {
            fail("the npm package standardwebhooks is missing from " + TOOLS + ": run deploy/test-tools/install");
        }
        vertx = Vertx.vertx();
        captured = new CompletableFuture<>();
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            List.of("webhook-id", "webhook-timestamp", "webhook-signature").forEach(h -> headers.put(h, req.getHeader(h)));
            captured.complete(new JsonObject().put("body", body.toString(StandardCharsets.UTF_8)).put("headers", headers));
            req.response().setStatusCode(answer).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    JsonObject sendWith(List<String> secrets, boolean followUp) throws Exception {
        WebhookReceiver receiver = new WebhookReceiver("pr", "http://127.0.0.1:" + server.actualPort() + "/hook",
                () -> secrets, Integer.MAX_VALUE, WebClient.create(vertx), System::currentTimeMillis);
        Delivery d = new Delivery("msg_0123abcd", "pr", "a1", "s1", 7, followUp,
                "{\"id\":\"a1\",\"ruleId\":\"r\",\"severity\":\"high\",\"reason\":\"退款 投诉\"}", System.currentTimeMillis());
        SendResult r = receiver.send(List.of(d)).toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertTrue(r.delivered(), String.valueOf(r));
        return captured.get(10, TimeUnit.SECONDS);
    }

    static JsonArray verify(JsonObject request, List<String> secrets) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", TOOLS.toString());
        Process p = pb.start();
        p.getOutputStream().write(request.copy().put("secrets", new JsonArray(secrets)).encode().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return new JsonObject(out).getJsonArray("results");
    }

    @Test
    void aSignedRequestVerifiesWithTheStandardWebhooksPackage() throws Exception {
        String secret = WebhookSigner.newSecret();
        JsonObject request = sendWith(List.of(secret), false);
        assertEquals("msg_0123abcd", request.getJsonObject("headers").getString("webhook-id"));
        JsonObject body = new JsonObject(request.getString("body"));
        assertEquals("alert.fired", body.getString("type"));
        assertEquals("退款 投诉", body.getJsonObject("data").getString("reason"));
        JsonArray results = verify(request, List.of(secret, WebhookSigner.newSecret()));
        assertEquals(true, results.getJsonObject(0).getBoolean("ok"), results.encode());
        assertEquals("alert.fired", results.getJsonObject(0).getString("type"));
        assertEquals(false, results.getJsonObject(1).getBoolean("ok"), "a stranger's secret must not verify");
    }

    @Test
    void duringARotationEachSecretAloneVerifies() throws Exception {
        String oldSecret = WebhookSigner.newSecret();
        String newSecret = WebhookSigner.newSecret();
        JsonObject request = sendWith(List.of(newSecret, oldSecret), true);
        String signature = request.getJsonObject("headers").getString("webhook-signature");
        assertEquals(2, signature.split(" ").length, signature);
        assertEquals("alert.updated", new JsonObject(request.getString("body")).getString("type"));
        JsonArray results = verify(request, List.of(oldSecret, newSecret));
        assertEquals(true, results.getJsonObject(0).getBoolean("ok"), results.encode());
        assertEquals(true, results.getJsonObject(1).getBoolean("ok"), results.encode());
    }

    @Test
    void aTamperedBodyDoesNotVerify() throws Exception {
        String secret = WebhookSigner.newSecret();
        JsonObject request = sendWith(List.of(secret), false);
        request.put("body", request.getString("body").replace("high", "low"));
        assertEquals(false, verify(request, List.of(secret)).getJsonObject(0).getBoolean("ok"));
    }

    @Test
    void statusesMapToResults() throws Exception {
        for (int status : new int[] {410, 400, 503, 302}) {
            captured = new CompletableFuture<>();
            answer = status;
            WebhookReceiver receiver = new WebhookReceiver("pr", "http://127.0.0.1:" + server.actualPort() + "/hook",
                    () -> List.of(WebhookSigner.newSecret()), Integer.MAX_VALUE, WebClient.create(vertx), System::currentTimeMillis);
            SendResult r = receiver.send(List.of(new Delivery("m", "pr", "a", "s", 1, false, "{}", 0)))
                    .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertEquals(status, r.status());
            assertEquals(status == 410, r.gone(), "gone for " + status);
            assertEquals(status == 503, r.retryable(), "retryable for " + status);
            assertEquals(false, r.delivered());
        }
    }
}
