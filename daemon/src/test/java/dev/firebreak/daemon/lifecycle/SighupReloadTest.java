package dev.firebreak.daemon.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.testing.Await;
import dev.firebreak.daemon.testing.DaemonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP re-reads the configuration file in the running process: a new rule file and a connector's new pace
 * apply at once, a changed key that needs a restart is named in the log, and a configuration whose rules
 * do not check is refused with its problem while the one in force stays.
 */
class SighupReloadTest {
    @TempDir
    Path tmp;

    @Test
    void sighupAppliesRulesAndAConnectorsPaceLiveAndNamesWhatNeedsARestart() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("a.yaml"), rule("hup-first", "退款"));
        // Five mentions an hour apart: replayed in real time, only the first comes within the test.
        Path file = tmp.resolve("slow.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append("{\"platform\":\"weibo\",\"id\":\"47000000000").append(i).append("\",\"kind\":\"post\",\"text\":\"暖途 ")
                    .append(i).append("\",\"createdAt\":\"2026-11-20T1").append(i).append(":00:00+08:00\",\"author\":{\"id\":\"u")
                    .append(i).append("\",\"name\":\"n\",\"followers\":1,\"verified\":false},\"metrics\":{\"reposts\":0,\"comments\":0,"
                            + "\"likes\":0,\"shares\":0,\"collects\":0}}\n");
        }
        Files.writeString(file, lines);
        Path data = tmp.resolve("data");
        int port = DaemonProcess.freePort();
        Path config = tmp.resolve("firebreak.yaml");
        Files.writeString(config, config(data, port, rules, file, "realtime", 20000));

        DaemonProcess d = DaemonProcess.start(config, tmp.resolve("daemon.log"), data, port);
        try {
            Await.until(() -> d.fetched("slow") == 1, Duration.ofSeconds(60), "the first paced mention");
            assertTrue(d.get("/api/rules").contains("hup-first"));
            assertFalse(d.get("/api/rules").contains("hup-second"));
            long pid = d.process().pid();

            Files.writeString(rules.resolve("b.yaml"), rule("hup-second", "客服"));
            Files.writeString(config, config(data, port, rules, file, "max", 30000));
            d.signal("HUP");
            // The new feed loop counts from 0 (4 more); the index holds all five.
            Await.until(() -> indexed(d) == 5, Duration.ofSeconds(20),
                    () -> "the connector's new pace (max) to replay the rest without a restart:\n" + d.tail());
            assertTrue(d.get("/api/rules").contains("hup-second"), "the new rule file is not in force");
            Await.until(() -> d.log().contains("needs a restart: analysis.corenlpQueue"), Duration.ofSeconds(10),
                    () -> "the restart-only key to be named:\n" + d.tail());
            assertTrue(d.process().isAlive() && d.process().pid() == pid, "SIGHUP must not end the daemon");

            // A rule that does not check: the whole file is refused, the rules in force stay.
            Files.writeString(rules.resolve("c.yaml"), "rules:\n  - id: broken\n    match: '(退款'\n    severity: P9\n");
            d.signal("HUP");
            Await.until(() -> d.log().contains("configuration refused"), Duration.ofSeconds(20),
                    () -> "the broken configuration to be refused:\n" + d.tail());
            assertTrue(d.log().contains("c.yaml"), "the refusal names the broken file:\n" + d.tail());
            assertTrue(d.get("/api/rules").contains("hup-second") && !d.get("/api/rules").contains("\"broken\""));
            assertTrue(d.process().isAlive());
        } finally {
            d.process().destroy();
            d.process().waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(0, d.process().exitValue(), d.tail());
    }

    private static long indexed(DaemonProcess d) {
        String body = d.get("/api/mentions?q=" + java.net.URLEncoder.encode("暖途", java.nio.charset.StandardCharsets.UTF_8) + "&limit=10");
        return body == null ? -1 : new io.vertx.core.json.JsonObject(body).getLong("total");
    }

    private static String rule(String id, String word) {
        return "rules:\n  - id: " + id + "\n    match: '" + word + "'\n    severity: P3\n    notify: [agents]\n";
    }

    private static String config(Path data, int port, Path rules, Path file, String speed, int corenlpQueue) {
        return "dataDir: " + data + "\nhttp: {port: " + port + "}\nrules: " + rules + "\n"
                + "analysis: {corenlp: false, corenlpQueue: " + corenlpQueue + "}\n"
                + "connectors:\n  - {id: slow, type: replay, path: " + file + ", speed: " + speed + "}\n";
    }
}
