package dev.firebreak.connectors.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.core.Mention;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayConnectorTest {
    @TempDir
    Path tmp;
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    static String line(int i, String time) {
        return "{\"platform\":\"douyin\",\"id\":\"" + i + "\",\"kind\":\"comment\",\"text\":\"第" + i + "条评论\","
                + "\"createdAt\":\"2026-11-20T10:" + time + "+08:00\",\"author\":{\"id\":\"a\",\"name\":\"甲\",\"followers\":1}}";
    }

    Path file(String... lines) throws Exception {
        Path f = tmp.resolve("m.jsonl");
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        return f;
    }

    PollTask task(Path f, String speed, int batch) throws Exception {
        var c = ConnectorTypes.create(new ConnectorConfig("r", "replay",
                Map.of("path", f.toString(), "speed", speed, "batchSize", batch)));
        return c.task(c.feeds().get(0), dev.firebreak.connect.api.TaskContext.of(vertx));
    }

    static PollResult poll(PollTask t, String cursor) throws Exception {
        return t.poll(cursor).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static List<String> ids(List<Mention> ms) {
        return ms.stream().map(Mention::id).toList();
    }

    @Test
    void pagesThroughTheFileAndResumesFromASavedCursor() throws Exception {
        Path f = file(line(1, "00:00"), line(2, "00:10"), "", line(3, "00:20"), line(4, "00:30"), line(5, "00:40"));
        PollTask t = task(f, "max", 2);
        PollResult a = poll(t, null);
        assertEquals(List.of("1", "2"), ids(a.mentions()));
        assertFalse(a.finished());
        // A new task (a restarted daemon) resumes exactly after what the cursor covers.
        PollResult b = poll(task(f, "max", 2), a.nextCursor());
        assertEquals(List.of("3", "4"), ids(b.mentions()));
        PollResult c = poll(t, b.nextCursor());
        assertEquals(List.of("5"), ids(c.mentions()));
        assertTrue(c.finished());
        assertEquals(Files.size(f) + ":7", c.nextCursor(), "past the last of 6 lines");
    }

    @Test
    void aBadLineIsReportedByNumberAndSkipped() throws Exception {
        Path f = file(line(1, "00:00"), "{\"platform\":\"douyin\"", line(3, "00:20"),
                line(4, "00:30").replace("douyin", "tiktok"));
        PollResult r = poll(task(f, "max", 10), null);
        assertEquals(List.of("1", "3"), ids(r.mentions()));
        assertEquals(2, r.problems().size());
        assertTrue(r.problems().get(0).toString().startsWith("m.jsonl:2: not valid JSON"), r.problems().toString());
        assertEquals("m.jsonl:4: invalid value \"tiktok\" for \"platform\" (expected weibo, douyin, xiaohongshu, other)",
                r.problems().get(1).toString());
        assertTrue(r.finished());
    }

    @Test
    void aPacedReplayWaitsTheEventTimeGapScaledBySpeed() throws Exception {
        Path f = file(line(1, "00:00"), line(2, "00:30"));
        PollTask t = task(f, "60", 500); // 30 s of event time at 60x: 500 ms
        PollResult first = poll(t, null);
        assertEquals(1, first.mentions().size(), "paced replays release one mention at a time");
        long start = System.nanoTime();
        PollResult second = poll(t, first.nextCursor());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("2"), ids(second.mentions()));
        assertTrue(ms >= 450, "released after " + ms + " ms");
    }

    @Test
    void stoppingAPacedPollReleasesNothingAndKeepsTheCursor() throws Exception {
        Path f = file(line(1, "00:00"), line(2, "59:00"));
        PollTask t = task(f, "realtime", 500);
        PollResult first = poll(t, null);
        var pending = t.poll(first.nextCursor());
        assertFalse(pending.isComplete(), "the second mention is an hour later: the poll waits for it");
        t.stop();
        PollResult stopped = pending.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), stopped.mentions());
        assertEquals(first.nextCursor(), stopped.nextCursor());
    }

    @Test
    void badConfigurationNamesTheKeyAndWhy() throws Exception {
        Path f = file(line(1, "00:00"));
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> cfg : List.<Map<String, Object>>of(
                Map.of(),
                Map.of("path", tmp.resolve("nope.jsonl").toString()),
                Map.of("path", f.toString(), "speed", "fast"),
                Map.of("path", f.toString(), "batchSize", 0),
                Map.of("path", f.toString(), "rebase", "now"),
                Map.of("path", f.toString(), "pathh", "x"))) {
            errors.add(assertThrows(ConfigException.class,
                    () -> ConnectorTypes.create(new ConnectorConfig("r", "replay", cfg))).getMessage());
        }
        assertEquals(List.of(
                "missing configuration path for replay connector \"r\": the JSONL file of mentions to replay",
                "Invalid value " + tmp.resolve("nope.jsonl") + " for configuration path: no such file",
                "Invalid value fast for configuration speed: expected max, realtime or a positive factor such as 60",
                "Invalid value 0 for configuration batchSize: must be a positive whole number",
                "Invalid value now for configuration rebase: expected none or first-start",
                "unknown configuration key \"pathh\" for replay connector \"r\" (it takes: path, speed, batchSize, rebase)"), errors);
    }
}
