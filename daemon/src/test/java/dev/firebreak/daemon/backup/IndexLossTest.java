package dev.firebreak.daemon.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import dev.firebreak.index.lucene.UnreadableIndexException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index lost or broken: /ready says so, a start says so, and re-pushing puts the mentions back. */
class IndexLossTest {
    @TempDir
    Path data;
    private final String namespace = "test:" + UUID.randomUUID() + ":";

    static String mention(String id) {
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"kind\":\"post\",\"text\":\"暖途加湿器漏水 " + id + "\","
                + "\"createdAt\":\"2026-11-20T10:15:00+08:00\","
                + "\"author\":{\"id\":\"42\",\"name\":\"维权的小王\",\"followers\":10,\"verified\":false}}";
    }

    private Firebreak start() throws Exception {
        return TestDaemon.pushOnly(data, AnalysisConfig.FIRST_SCORES_ONLY, namespace);
    }

    static JsonObject push(Firebreak app, String id) throws Exception {
        HttpResponse<String> r = Http.call(app, "POST", "/api/ingest", mention(id));
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    static JsonObject ready(Firebreak app, int status) throws Exception {
        HttpResponse<String> r = Http.callAs(app, null, "GET", "/ready", null);
        assertEquals(status, r.statusCode(), r.body());
        return new JsonObject(r.body()).getJsonObject("checks");
    }

    @Test
    void theIndexFolderDeletedUnderARunningDaemonFailsReady() throws Exception {
        try (Firebreak app = start()) {
            push(app, "1");
            assertEquals("ok", ready(app, 200).getString("index"));
            deleteTree(data.resolve("index"));
            String index = ready(app, 503).getString("index");
            assertTrue(index.contains("index folder " + data.resolve("index").toAbsolutePath() + " is gone"), index);
        }
    }

    @Test
    void aStartWithTheIndexMissingIsNotReadyUntilARePushPutsTheMentionBack() throws Exception {
        try (Firebreak app = start()) {
            push(app, "1");
            push(app, "2");
        }
        deleteTree(data.resolve("index"));
        try (Firebreak app = start()) {
            String index = ready(app, 503).getString("index");
            assertTrue(index.contains("was missing at start while Redis holds state"), index);
            // Redis still marks weibo:1 seen; the index lacks it, so it is indexed again, once.
            JsonObject answer = push(app, "1");
            assertEquals(1, answer.getInteger("indexed"), answer.encode());
            assertEquals(0, answer.getInteger("duplicates"), answer.encode());
            assertEquals(1, app.index().countId("weibo:1"));
            assertEquals(1, push(app, "1").getInteger("duplicates"), "now it is in the index: a duplicate again");
            assertEquals("ok", ready(app, 200).getString("index"));
        }
    }

    @Test
    void anAdminCanAcknowledgeTheLossSoReadyNoLongerWaits() throws Exception {
        try (Firebreak app = start()) {
            push(app, "1");
        }
        deleteTree(data.resolve("index"));
        try (Firebreak app = start()) {
            ready(app, 503);
            assertEquals(200, Http.call(app, "POST", "/api/admin/index/acknowledge-loss", null).statusCode());
            assertEquals("ok", ready(app, 200).getString("index"));
        }
    }

    @Test
    void aFirstStartOnAnEmptyDataDirectoryIsReady() throws Exception {
        try (Firebreak app = start()) {
            assertEquals("ok", ready(app, 200).getString("index"), "no state in Redis: nothing was lost");
        }
    }

    @Test
    void aCorruptIndexRefusesTheStartInOneLineNamingTheFolder() throws Exception {
        try (Firebreak app = start()) {
            push(app, "1");
        }
        try (Stream<Path> files = Files.list(data.resolve("index"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                bytes[bytes.length / 2] ^= 0x5a;   // one flipped byte: the checksum no longer matches
                Files.write(f, bytes);
            }
        }
        IOException e = assertThrows(IOException.class, this::start);
        assertTrue(e instanceof UnreadableIndexException, e.toString());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the index in " + data.resolve("index").toAbsolutePath() + " is corrupt"),
                e.getMessage());
        // the data directory was let go: with the folder moved away the daemon starts, and says what was lost
        Files.move(data.resolve("index"), data.resolve("index.corrupt"));
        try (Firebreak app = start()) {
            assertTrue(ready(app, 503).getString("index").contains("was missing at start"));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
