package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of issue 14: back up a running daemon mid-ingest with {@code firebreak backup}, keep
 * ingesting, stop it, delete its index, {@code firebreak restore}, start it: every mention acknowledged
 * before the backup began is searchable exactly once, and those acknowledged after come back when re-pushed.
 */
class BackupRestoreTest {
    @TempDir
    Path data;
    @TempDir
    Path backups;
    private final String namespace = "test:" + UUID.randomUUID() + ":";

    private Firebreak start() throws Exception {
        return TestDaemon.pushOnly(data, AnalysisConfig.FIRST_SCORES_ONLY, namespace);
    }

    private static String mention(int id) {
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"kind\":\"post\",\"text\":\"暖途加湿器漏水 第" + id + "条\","
                + "\"createdAt\":\"2026-11-20T10:15:00+08:00\","
                + "\"author\":{\"id\":\"a" + id + "\",\"name\":\"用户" + id + "\",\"followers\":10,\"verified\":false}}";
    }

    private static JsonObject push(Firebreak app, int id) throws Exception {
        HttpResponse<String> r = Http.call(app, "POST", "/api/ingest", mention(id));
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private record Run(int code, String out, String err) { }

    private static Run cli(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(argv);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private String[] restoreArgs(Path backup) {
        List<String> argv = new ArrayList<>(List.of("restore", backup.toString(), "--data", data.toString()));
        if (TestRedis.externalUri() != null) {
            argv.addAll(List.of("--redis-uri", TestRedis.externalUri()));
        }
        return argv.toArray(String[]::new);
    }

    @Test
    void aBackupMidIngestRestoresWhatWasAcknowledgedBeforeItOnceAndTheRestComesBackWhenRePushed() throws Exception {
        Path backup = backups.resolve("b1");
        Map<Integer, Long> ackedAt = new ConcurrentHashMap<>();
        long backupBegan;
        long backupEnded;
        try (Firebreak app = start()) {
            for (int id = 1; id <= 30; id++) {
                push(app, id);
                ackedAt.put(id, System.nanoTime());
            }
            AtomicBoolean pushing = new AtomicBoolean(true);
            List<Throwable> failures = new ArrayList<>();
            Thread pusher = new Thread(() -> {
                try {
                    for (int id = 1_000; pushing.get(); id++) {
                        push(app, id);
                        ackedAt.put(id, System.nanoTime());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "pusher");
            pusher.start();
            Await.until(() -> ackedAt.size() >= 40, Duration.ofSeconds(30), "ingest to be under way");

            backupBegan = System.nanoTime();
            Run backedUp = cli("backup", backup.toString(), "--data", data.toString(),
                    "--url", "http://127.0.0.1:" + app.httpPort());
            backupEnded = System.nanoTime();
            assertEquals(0, backedUp.code(), backedUp.out() + backedUp.err());
            assertTrue(backedUp.out().contains("Backed up "), backedUp.out());
            assertTrue(backedUp.err().matches("(?s).*backup: [\\d,]+ / [\\d,]+ \\(100%\\).*"), "a progress line on stderr: " + backedUp.err());

            int atBackup = ackedAt.size();
            Await.until(() -> ackedAt.size() >= atBackup + 10, Duration.ofSeconds(30), "ingest to go on after the backup");
            pushing.set(false);
            pusher.join(30_000);
            assertEquals(List.of(), failures);
        }
        JsonObject manifest = new JsonObject(Files.readString(backup.resolve("manifest.json")));
        List<Integer> before = ackedAt.entrySet().stream().filter(e -> e.getValue() < backupBegan).map(Map.Entry::getKey).toList();
        List<Integer> after = ackedAt.entrySet().stream().filter(e -> e.getValue() > backupEnded).map(Map.Entry::getKey).toList();
        assertTrue(before.size() >= 40 && after.size() >= 10, before.size() + " before, " + after.size() + " after");

        deleteTree(data.resolve("index"));
        Run restored = cli(restoreArgs(backup));
        assertEquals(0, restored.code(), restored.out() + restored.err());

        try (Firebreak app = start()) {
            assertEquals(manifest.getJsonObject("index").getLong("mentions"), app.index().count(), "the snapshot, whole");
            for (int id : before) {
                assertEquals(1, app.index().countId("weibo:" + id), "weibo:" + id + " acknowledged before the backup");
            }
            assertEquals(200, Http.callAs(app, null, "GET", "/ready", null).statusCode());
            for (int id : ackedAt.keySet()) {
                push(app, id);   // those after the backup come back; those in it stay single
            }
            for (int id : ackedAt.keySet()) {
                assertEquals(1, app.index().countId("weibo:" + id), "weibo:" + id + " once after the re-push");
            }
            assertEquals(ackedAt.size(), app.index().count(), "nothing doubled, nothing missing");
            HttpResponse<String> hits = Http.call(app, "GET", "/api/mentions?q=" + java.net.URLEncoder.encode("加湿器", "UTF-8")
                    + "&limit=1", null);
            assertEquals(ackedAt.size(), new JsonObject(hits.body()).getInteger("total"), hits.body());
        }
    }

    @Test
    void restoreIsRefusedWhileADaemonRunsOnTheDataDirectoryAndABackupFolderMustBeNew() throws Exception {
        Path backup = backups.resolve("b2");
        try (Firebreak app = start()) {
            push(app, 1);
            assertEquals(0, cli("backup", backup.toString(), "--data", data.toString(),
                    "--url", "http://127.0.0.1:" + app.httpPort()).code());
            Run again = cli("backup", backup.toString(), "--data", data.toString(), "--url", "http://127.0.0.1:" + app.httpPort());
            assertEquals(1, again.code());
            assertTrue(again.err().contains("400") && again.err().contains("is not empty"), again.err());

            Run refused = cli(restoreArgs(backup));
            assertEquals(1, refused.code());
            assertTrue(refused.err().contains("another Firebreak is running on the data directory " + data.toAbsolutePath()
                    + ": stop it before restoring"), refused.err());
            assertEquals(1, app.index().count(), "the running daemon's index is untouched");
        }
        Files.delete(backup.resolve("manifest.json"));
        Run unfinished = cli(restoreArgs(backup));
        assertEquals(1, unfinished.code());
        assertTrue(unfinished.err().contains("is not a finished Firebreak backup: it has no manifest.json"), unfinished.err());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
