package dev.firebreak.daemon.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Author;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.MentionCodec;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.daemon.bench.MentionGenerator;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.daemon.testing.DaemonProcess;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.state.redis.RedisService;
import dev.firebreak.state.redis.testing.TestRedis;
import dev.firebreak.store.RecordedAlert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a replay feed runs at full speed and a client pushes mentions: the daemon stops in order in
 * under 5 s (status 0 or 143), logs {@code stopped in N ms} and no failed step. Started again on the same
 * data it finishes the replay; every replayed mention and every push it acknowledged is indexed exactly once,
 * and no alert is recorded twice.
 */
class SigtermStopTest {
    // Large enough that the stop lands mid-replay although the feed polls ahead and batches share commits.
    static final int REPLAYED = 40_000;
    static final long PUSH_IDS = 5_100_000_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void sigtermWithAnActiveFeedStopsInOrderWithinFiveSecondsAndLosesNothing() throws Exception {
        Path file = tmp.resolve("mentions.jsonl");
        MentionGenerator.write(file, REPLAYED, 13);
        Path data = tmp.resolve("data");
        int port = DaemonProcess.freePort();
        String redis = TestRedis.externalUri();
        if (redis != null) {
            try (RedisService r = RedisService.start(redis, null)) {
                r.deleteNamespace("fb:");
            }
        }
        Path config = tmp.resolve("firebreak.yaml");
        Files.writeString(config, "dataDir: " + data + "\nhttp: {port: " + port + "}\n"
                + (redis == null ? "" : "redis: {uri: \"" + redis + "\"}\n")
                + "analysis: {corenlp: false}\n"
                + "connectors:\n  - {id: big, type: replay, path: " + file + ", speed: max, batchSize: 100}\n"
                + "  - {id: push, type: push}\n");

        DaemonProcess first = DaemonProcess.start(config, tmp.resolve("first.log"), data, port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicBoolean pushing = new AtomicBoolean(true);
        Thread pusher = new Thread(() -> push(first, acknowledged, sent, pushing), "pusher");
        pusher.start();
        Await.until(() -> first.fetched("big") >= 300 && acknowledged.size() >= 50, Duration.ofMinutes(2),
                () -> "the replay and the pushes to be under way (fetched " + first.fetched("big") + ", pushed " + acknowledged.size() + ")");
        assertTrue(first.fetched("big") < REPLAYED, "the stop must land mid-replay");

        long signalled = System.nanoTime();
        first.process().destroy(); // SIGTERM
        boolean exited = first.process().waitFor(5, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - signalled) / 1_000_000;
        pushing.set(false);
        pusher.join(10_000);
        if (!exited) first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(exited, "SIGTERM: still running after 5 s\n" + first.tail());
        int status = first.process().exitValue();
        assertTrue(status == 0 || status == 143, "exit status " + status + "\n" + first.tail());
        String log = first.log();
        assertTrue(log.contains("Firebreak stopped in "), "no 'stopped in' line:\n" + first.tail());
        assertFalse(log.contains("not cleanly") || log.matches("(?s).*Stopping \\S+ failed.*") || log.contains("RedisCommandTimeoutException"),
                "a shutdown step failed:\n" + first.tail());
        System.out.println("SIGTERM to exit: " + tookMs + " ms; " + first.log().lines().filter(l -> l.contains("stopped in")).toList());

        DaemonProcess second = DaemonProcess.start(config, tmp.resolve("second.log"), data, port);
        Await.until(() -> second.fetched("big") >= 0 && "finished".equals(state(second)), Duration.ofMinutes(3),
                "the restarted daemon to finish the replay");
        second.process().destroy();
        assertTrue(second.process().waitFor(30, TimeUnit.SECONDS), "the second daemon did not stop");

        try (MentionIndex index = MentionIndex.open(data.resolve("index"))) {
            for (int i = 0; i < REPLAYED; i++) {
                String id = "weibo:" + (4_900_000_000_000_000L + i);
                assertEquals(1, index.countId(id), id + " (replayed)");
            }
            for (String id : acknowledged) {
                assertEquals(1, index.countId(id), id + " was acknowledged by ingest");
            }
            for (String id : sent) {
                assertTrue(index.countId(id) <= 1, id + " is stored twice");
            }
        }
        List<String> alerts = alertIds(redis, data.resolve("redis"));
        assertEquals(new HashSet<>(alerts).size(), alerts.size(), "an alert was recorded twice");
        assertTrue(alerts.size() > 10, "the replay should raise alerts, got " + alerts.size());
    }

    /** POSTs batches of 10 new mentions until told to stop or the daemon stops answering; keeps the ids answered 200. */
    private static void push(DaemonProcess d, Set<String> acknowledged, Set<String> sent, AtomicBoolean pushing) {
        long next = 0;
        OffsetDateTime t = OffsetDateTime.parse("2026-11-21T09:00:00+08:00");
        while (pushing.get()) {
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 10; i++, next++) {
                String nativeId = Long.toString(PUSH_IDS + next);
                Mention m = new Mention(Platform.WEIBO, nativeId, Kind.POST, "暖途客服一直不回复，退款拖了两周 #" + next, t.plusSeconds(next),
                        new Author("p" + next, "推送" + next, 100, false), null, null, "https://weibo.com/p/" + nativeId,
                        new Metrics(0, 0, 0, 0, 0));
                body.append(i == 0 ? "" : ",").append(MentionCodec.encode(m));
                ids.add("weibo:" + nativeId);
            }
            sent.addAll(ids);
            try {
                if (d.post("/api/ingest", body.append(']').toString()) == 200) acknowledged.addAll(ids);
            } catch (Exception stopped) {
                return;
            }
        }
    }

    private static String state(DaemonProcess d) {
        var feeds = d.feeds();
        if (feeds == null) return null;
        for (int i = 0; i < feeds.size(); i++) {
            if ("big".equals(feeds.getJsonObject(i).getString("connector"))) return feeds.getJsonObject(i).getString("state");
        }
        return null;
    }

    private static List<String> alertIds(String redisUri, Path embeddedDir) throws Exception {
        try (RedisService redis = RedisService.start(redisUri, embeddedDir)) {
            List<String> ids = new ArrayList<>();
            for (RecordedAlert a : redis.stateStore("fb:").alertsAfter(0, 1_000_000).toCompletableFuture().get()) {
                ids.add(FirebreakJson.mapper().readTree(a.json()).get("id").asText());
            }
            return ids;
        }
    }
}
