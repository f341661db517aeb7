package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.webhook.WebhookSigner;
import dev.firebreak.state.redis.testing.TestRedis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on a running daemon (a replayed file, then pushes, alerts delivered to a
 * webhook): the named series exist and move after the mentions went through, and {@code promtool
 * check metrics} (Debian's prometheus package, installed by deploy/test-tools/install) finds nothing to lint.
 */
class MetricsExpositionTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void theSeriesMoveAfterMentionsGoThroughAndPromtoolFindsNothingToLint() throws Exception {
        Path replay = data.resolve("replay.jsonl");
        Files.write(replay, List.of(PushIngestTest.mention("7101", "暖途加湿器真好用，推荐", 300),
                PushIngestTest.mention("7102", "暖途电暖器还行吧", 300)), StandardCharsets.UTF_8);
        try (FakeWebhookServer receiver = new FakeWebhookServer(); Firebreak app = daemon(replay, receiver.url())) {
            app.runtime().allFinished().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            HttpResponse<String> first = scrape(app);
            assertEquals(200, first.statusCode(), "public, like /health: no token sent");
            assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                    first.headers().toString());
            PrometheusText before = new PrometheusText(first.body());

            String safety = PushIngestTest.mention("7201", DeliveryApiTest.SAFETY, 300);
            assertEquals(200, PushIngestTest.postTo(app, safety).statusCode());
            assertEquals(200, PushIngestTest.postTo(app, safety).statusCode());   // the second is skipped as seen
            receiver.await(r -> r.stream().anyMatch(x -> x.answered() == 200), "the alert's webhook delivery");
            Await.until(() -> new PrometheusText(scrape(app).body())
                    .sum("firebreak_deliveries_sent_total", "endpoint=\"pr-oncall\"") > 0,
                    Duration.ofSeconds(10), "the delivery counted");
            String text = scrape(app).body();
            PrometheusText after = new PrometheusText(text);
            Files.writeString(Path.of("target/metrics-exposition.txt"), text);   // kept to read when an assertion fails

            String push = "connector=\"push\"";
            assertEquals(2, moved(before, after, "firebreak_mentions_fetched_total", push, "feed=\"push\""));
            assertEquals(1, moved(before, after, "firebreak_mentions_processed_total", push));
            assertEquals(1, moved(before, after, "firebreak_mentions_skipped_total", push));
            assertEquals(0, after.sum("firebreak_mentions_failed_total", push));
            assertEquals(2, after.sum("firebreak_mentions_fetched_total", "connector=\"replay\"", "feed=\"replay.jsonl\""), text);
            assertEquals(1, after.sum("firebreak_connector_state", "connector=\"replay\"", "state=\"finished\""));
            assertEquals(0, after.sum("firebreak_connector_state", "connector=\"replay\"", "state=\"polling\""));
            assertEquals(1, moved(before, after, "firebreak_alerts_fired_total", "severity=\""));
            assertEquals(1, moved(before, after, "firebreak_alert_latency_seconds_count"));
            assertTrue(moved(before, after, "firebreak_pipeline_stage_seconds_count", "stage=\"index\"") >= 2);
            assertTrue(after.has("firebreak_pipeline_stage_seconds_bucket", "stage=\"rules\"", "le=\"0.1\""), "a histogram");
            assertEquals(1, moved(before, after, "firebreak_deliveries_sent_total", "endpoint=\"pr-oncall\""));
            assertEquals(0, after.sum("firebreak_deliveries_dead_lettered_total", "endpoint=\"pr-oncall\""));
            assertTrue(after.has("firebreak_enrichment_queue_depth"), text);
            assertEquals(1, after.sum("firebreak_redis_up"));
            assertEquals(1, after.sum("firebreak_index_up"));
            assertTrue(after.has("jvm_memory_used_bytes"), "JVM binders");
            assertTrue(moved(before, after, "vertx_http_server_requests_total", "/api/ingest\"}") >= 2,
                    "Vert.x's own HTTP metrics, by route pattern");
            assertTrue(!text.contains(receiver.url()) && !text.contains(Files.readString(data.resolve("data/admin.token")).trim()),
                    "no endpoint URL, no token");

            assumeTrue(promtool(), "promtool is not installed (deploy/test-tools/install installs Debian's prometheus)");
            Process check = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
            check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            check.getOutputStream().close();
            String lint = read(check.getInputStream());
            assertTrue(check.waitFor(30, TimeUnit.SECONDS), "promtool answered");
            assertEquals("", lint.strip(), "promtool check metrics found problems");
            assertEquals(0, check.exitValue(), lint);
        }
    }

    private Firebreak daemon(Path replay, String webhook) throws Exception {
        ChannelConfig channel = new ChannelConfig("pr-oncall", "webhook", webhook, List.of(WebhookSigner.newSecret()),
                List.of(), Integer.MAX_VALUE, true);
        FirebreakConfig config = new FirebreakConfig(data.resolve("data"), "127.0.0.1", 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("push", "push", Map.of()),
                        new ConnectorConfig("replay", "replay", Map.of("path", replay.toString()))),
                new AlertingConfig(null, List.of("pr-oncall"), List.of(channel)), AnalysisConfig.FIRST_SCORES_ONLY);
        return Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { }, "test:" + UUID.randomUUID() + ":"));
    }

    private static double moved(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    static HttpResponse<String> scrape(Firebreak app) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean promtool() {
        try {
            return new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
