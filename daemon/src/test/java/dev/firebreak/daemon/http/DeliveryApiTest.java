package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.DeliveryService;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.delivery.webhook.WebhookSigner;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook delivery in a running daemon: a restart loses nothing and sends nothing twice; the API masks secrets. */
class DeliveryApiTest {
    static final String SAFETY = "暖途电暖器N3用了一周就漏电，手被电了一下，太危险了";

    @TempDir
    Path data;

    static Firebreak daemon(Path data, String namespace, String url, String secret) throws Exception {
        ChannelConfig channel = new ChannelConfig("pr-oncall", "webhook", url, List.of(secret), List.of(),
                Integer.MAX_VALUE, true);
        FirebreakConfig config = new FirebreakConfig(data, "127.0.0.1", 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("push", "push", Map.of())),
                new AlertingConfig(null, List.of("pr-oncall"), List.of(channel)), AnalysisConfig.FIRST_SCORES_ONLY);
        return Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { }, namespace));
    }

    @Test
    void pendingDeliveriesSurviveARestartAndGoOutOnce() throws Exception {
        String namespace = "test:" + UUID.randomUUID() + ":";
        String secret = WebhookSigner.newSecret();
        try (FakeWebhookServer receiver = new FakeWebhookServer()) {
            receiver.status.set(503);
            try (Firebreak app = daemon(data, namespace, receiver.url(), secret)) {
                assertEquals(200, PushIngestTest.postTo(app, PushIngestTest.mention("9001", SAFETY, 300)).statusCode());
                receiver.await(r -> !r.isEmpty(), "the first attempt");
            }
            int before = receiver.requests.size();
            String id = receiver.requests.get(0).id();
            assertEquals("alert.fired", receiver.requests.get(0).body().getString("type"));
            receiver.status.set(200);
            try (Firebreak app = daemon(data, namespace, receiver.url(), secret)) {
                receiver.await(r -> r.stream().anyMatch(x -> x.answered() == 200), "the delivery after the restart");
                awaitNothingMoreToSend(app, "pr-oncall");
                assertEquals(1, receiver.delivered(id), "delivered exactly once by webhook-id");
                assertEquals(1, receiver.requests.stream().filter(r -> r.answered() == 200).count());
                assertTrue(receiver.requests.size() > before);

                JsonObject deliveries = new JsonObject(Http.call(app, "GET", "/api/deliveries?endpoint=pr-oncall", null).body());
                JsonObject d = deliveries.getJsonArray("deliveries").getJsonObject(0);
                assertEquals(id, d.getString("id"));
                assertEquals("delivered", d.getString("status"));
                JsonArray attempts = d.getJsonArray("attempts");
                assertEquals(receiver.requests.size(), attempts.size(), attempts.encode());
                assertEquals(503, attempts.getJsonObject(0).getInteger("status"));
                assertEquals(200, attempts.getJsonObject(attempts.size() - 1).getInteger("status"));
            }
        }
    }

    @Test
    void channelsShowMaskedSecretsAndDeadLettersCanBeRedelivered() throws Exception {
        String secret = WebhookSigner.newSecret();
        PrintStream err = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(err, logs), true, java.nio.charset.StandardCharsets.UTF_8));
        try (FakeWebhookServer receiver = new FakeWebhookServer();
             Firebreak app = daemon(data, "test:" + UUID.randomUUID() + ":", receiver.url(), secret)) {
            receiver.status.set(400);
            assertEquals(200, PushIngestTest.postTo(app, PushIngestTest.mention("9002", SAFETY, 300)).statusCode());
            receiver.await(r -> !r.isEmpty(), "the refused attempt");
            JsonObject dead = awaitDead(app);
            String id = dead.getString("id");
            assertEquals("HTTP 400 Bad Request", dead.getString("lastError"));

            String channels = Http.call(app, "GET", "/api/channels", null).body();
            assertFalse(channels.contains(secret), channels);
            JsonObject ch = new JsonObject(channels).getJsonArray("channels").getJsonObject(0);
            assertEquals("whsec_…" + secret.substring(secret.length() - 4), ch.getJsonArray("secrets").getString(0));
            assertEquals("enabled", ch.getString("state"));
            assertEquals("closed", ch.getString("breaker"));
            assertEquals(1, ch.getInteger("dead"));

            // PR staff see the endpoints of their own subscriptions only; agents see none; only admins redeliver
            String pr = dev.firebreak.daemon.testing.TestDaemon.tokenFor(app, dev.firebreak.daemon.web.Role.PR, "wang");
            String agent = dev.firebreak.daemon.testing.TestDaemon.tokenFor(app, dev.firebreak.daemon.web.Role.AGENT, "li");
            assertEquals("[]", new JsonObject(Http.callAs(app, pr, "GET", "/api/channels", null).body())
                    .getJsonArray("channels").encode());
            assertEquals("[]", new JsonObject(Http.callAs(app, pr, "GET", "/api/dead-letters", null).body())
                    .getJsonArray("deadLetters").encode());
            assertEquals(403, Http.callAs(app, agent, "GET", "/api/deliveries", null).statusCode());
            assertEquals(403, Http.callAs(app, pr, "POST", "/api/dead-letters/" + id + "/redeliver", null).statusCode());

            receiver.status.set(200);
            assertEquals(200, Http.call(app, "POST", "/api/dead-letters/" + id + "/redeliver", null).statusCode());
            receiver.await(r -> r.stream().anyMatch(x -> x.answered() == 200), "the redelivery");
            assertEquals(id, receiver.requests.get(receiver.requests.size() - 1).id(), "redelivered under the same id");
            assertEquals(404, Http.call(app, "POST", "/api/dead-letters/" + id + "/redeliver", null).statusCode());
            assertEquals(404, Http.call(app, "POST", "/api/channels/nope/enable", null).statusCode());
        } finally {
            System.setErr(err);
        }
        String logged = logs.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logged.contains("delivery:"), "the logs were captured");
        assertFalse(logged.contains(secret.substring(6)), "no secret in the logs");
    }

    private static JsonObject awaitDead(Firebreak app) {
        AtomicReference<JsonArray> dead = new AtomicReference<>();
        Await.until(() -> {
            dead.set(new JsonObject(Http.call(app, "GET", "/api/dead-letters?endpoint=pr-oncall", null).body())
                    .getJsonArray("deadLetters"));
            return !dead.get().isEmpty();
        }, Duration.ofSeconds(10), "a dead letter for pr-oncall");
        return dead.get().getJsonObject(0);
    }

    /**
     * Waits until the endpoint can send nothing more: its queue in Redis is empty, no send is in flight,
     * and every task already on the delivery thread (the last send's attempt record) has run. A second
     * send of a delivered message would have to come from a pending delivery, and there is none.
     */
    private static void awaitNothingMoreToSend(Firebreak app, String endpoint) throws Exception {
        DeliveryService service = app.deliveries().service();
        Await.until(() -> service.store().pendingCount(endpoint) == 0 && !service.dispatcher(endpoint).inFlight(),
                Duration.ofSeconds(10), endpoint + "'s queue empty with no send in flight");
        CompletableFuture<Void> drained = new CompletableFuture<>();
        service.clock().execute(() -> drained.complete(null));
        drained.get(10, TimeUnit.SECONDS);
        assertEquals(0, service.store().pendingCount(endpoint), "nothing queued once the delivery thread is idle");
        assertFalse(service.dispatcher(endpoint).inFlight(), "no send in flight once the delivery thread is idle");
    }

    /** Writes to two streams: the console, and a buffer the test reads. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
