package dev.firebreak.daemon.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.daemon.bench.MentionGenerator;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.state.redis.RedisService;
import dev.firebreak.store.StateStore;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonArray;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon is killed with SIGKILL in the middle of replaying 100,000 mentions and started again on
 * the same data directory. Afterwards the index holds every mention exactly once, and the alert feed
 * holds exactly the alerts an uninterrupted replay produces, none twice.
 */
class KillNineRecoveryTest {
    static final int MENTIONS = 100_000;
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void aKilledReplayResumesWithNothingMissingAndNothingTwice() throws Exception {
        Path file = tmp.resolve("mentions.jsonl");
        MentionGenerator.write(file, MENTIONS, 7);
        Path data = tmp.resolve("data");
        int port = freePort();
        Path config = tmp.resolve("firebreak.yaml");
        String redis = TestRedis.externalUri();
        Files.writeString(config, "dataDir: " + data + "\nhttp: {port: " + port + "}\n"
                + (redis == null ? "" : "redis: {uri: \"" + redis + "\"}\n")
                + "connectors:\n  - {id: big, type: replay, path: " + file + ", speed: max, batchSize: 500}\n");
        if (redis != null) {
            flushNamespace(redis);
        }

        try {
            killAndReplay(config, port, data, file, redis);
        } finally {
            // A failed run must not leave daemons (or the private Redis of a killed one) behind.
            logs.keySet().forEach(Process::destroyForcibly);
            if (Files.exists(data.resolve("redis").resolve("redis.port"))) {
                RedisService.start(null, data.resolve("redis")).close();
            }
        }
    }

    private void killAndReplay(Path config, int port, Path data, Path file, String redis) throws Exception {
        Process first = daemon(config, tmp.resolve("first.log"));
        long fetched = waitForFetched(port, first, MENTIONS / 5);
        assertTrue(fetched < MENTIONS, "the kill must land mid-replay, but " + fetched + " were already fetched");
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

        Process second = daemon(config, tmp.resolve("second.log"));
        waitForFinished(port, second);
        second.destroy(); // SIGTERM: orderly close, so the index and Redis can be read below
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "daemon did not stop on SIGTERM");

        try (MentionIndex index = MentionIndex.open(data.resolve("index"))) {
            assertEquals(MENTIONS, index.count(), "every mention indexed exactly once");
            for (int i = 0; i < MENTIONS; i += 1) {
                String id = "weibo:" + (4_900_000_000_000_000L + i);
                if (index.countId(id) != 1) {
                    throw new AssertionError(id + " is stored " + index.countId(id) + " times");
                }
            }
        }
        List<String> recovered = alertIds(redis, data.resolve("redis"), "fb:");
        assertEquals(new HashSet<>(recovered).size(), recovered.size(), "an alert was recorded twice");
        assertEquals(cleanRunAlertIds(file), new HashSet<>(recovered), "alerts differ from an uninterrupted replay");
        // One alert per incident: the generated stream is a few dozen incidents, each of many complaints.
        assertTrue(new HashSet<>(recovered).size() >= 10, "the file should raise many alerts, got " + recovered.size());
    }

    private Set<String> cleanRunAlertIds(Path file) throws Exception {
        Path out = tmp.resolve("clean-alerts.jsonl");
        Process p = new ProcessBuilder(java(), "-cp", classpath(), "dev.firebreak.daemon.cli.Main", "replay",
                file.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("clean.log").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "clean replay failed: "
                + Files.readString(tmp.resolve("clean.log")));
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(out)) {
            var alert = FirebreakJson.mapper().readTree(line);
            if (!isClockNotice(alert)) ids.add(alert.get("id").asText());
        }
        return ids;
    }

    private static List<String> alertIds(String redisUri, Path embeddedDir, String namespace) throws Exception {
        try (RedisService redis = RedisService.start(redisUri, embeddedDir)) {
            StateStore store = redis.stateStore(namespace);
            List<String> ids = new ArrayList<>();
            for (RecordedAlert a : store.alertsAfter(0, 1_000_000).toCompletableFuture().get()) {
                var alert = FirebreakJson.mapper().readTree(a.json());
                if (!isClockNotice(alert)) ids.add(alert.get("id").asText());
            }
            return ids;
        }
    }

    /**
     * Service-clock reminders and breaches are left out of the comparison: the daemon counts them on the
     * wall clock (live) and {@code firebreak replay} on event time, so a replay of days of mentions in a
     * minute breaches deadlines the daemon's run is not yet near. Whether they survive a crash is
     * {@code ServiceClockReplayTest}'s and the Redis contract test's business.
     */
    private static boolean isClockNotice(com.fasterxml.jackson.databind.JsonNode alert) {
        return alert.path("ruleId").asText().startsWith("service-clock");
    }

    /** Against a shared Redis the daemon's keys (namespace fb:) must start empty. */
    private static void flushNamespace(String uri) throws Exception {
        try (RedisService redis = RedisService.start(uri, null)) {
            redis.deleteNamespace("fb:");
        }
    }

    private final java.util.Map<Process, Path> logs = new java.util.HashMap<>();

    private String tail(Process p) {
        try {
            List<String> lines = Files.readAllLines(logs.get(p));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Process daemon(Path config, Path log) throws Exception {
        Process p = new ProcessBuilder(java(), "-Xmx1g", "-cp", classpath(), "dev.firebreak.daemon.cli.Main", "run",
                "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        logs.put(p, log);
        return p;
    }

    private long waitForFetched(int port, Process p, long atLeast) {
        AtomicLong fetched = new AtomicLong(-1);
        Await.until(() -> {
            assertTrue(p.isAlive(), () -> "daemon exited early:\n" + tail(p));
            JsonArray feeds = connectors(port);
            if (feeds != null && !feeds.isEmpty()) {
                fetched.set(feeds.getJsonObject(0).getLong("mentionsFetched"));
            }
            return fetched.get() >= atLeast;
        }, Duration.ofMinutes(3), () -> "the daemon to fetch " + atLeast + " mentions (it fetched " + fetched.get() + ")");
        return fetched.get();
    }

    private void waitForFinished(int port, Process p) {
        Await.until(() -> {
            assertTrue(p.isAlive(), () -> "daemon exited early:\n" + tail(p));
            JsonArray feeds = connectors(port);
            return feeds != null && !feeds.isEmpty() && "finished".equals(feeds.getJsonObject(0).getString("state"));
        }, Duration.ofMinutes(5), "the restarted daemon to finish the replay");
    }

    private JsonArray connectors(int port) {
        try {
            // The daemon writes its admin token on its first start; read it each time (a restart on an
            // emptied Redis writes a new one).
            Path tokenFile = tmp.resolve("data").resolve("admin.token");
            if (!Files.exists(tokenFile)) {
                return null;
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/connectors"))
                    .header("Authorization", "Bearer " + Files.readString(tokenFile).trim())
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? new JsonArray(r.body()) : null;
        } catch (Exception notUpYet) {
            return null;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
