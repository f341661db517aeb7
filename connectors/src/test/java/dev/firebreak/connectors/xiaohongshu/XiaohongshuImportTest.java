package dev.firebreak.connectors.xiaohongshu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XiaohongshuImportTest {
    static final String NOTE = "6659a1f2000000001e00abc1";
    @TempDir
    Path tmp;
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    PollTask task(Path file, String kind) throws Exception {
        var c = ConnectorTypes.create(new ConnectorConfig("imp", "xiaohongshu-import",
                Map.of("path", file.toString(), "kind", kind)));
        return c.task(c.feeds().get(0), TaskContext.of(vertx));
    }

    static PollResult poll(PollTask t, String cursor) throws Exception {
        return t.poll(cursor).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void noteRowsBecomeNoteMentions() throws Exception {
        PollResult r = poll(task(Fixtures.file("xiaohongshu", "mediacrawler_xhs_note.jsonl"), "notes"), null);
        assertEquals(List.of(), r.problems());
        assertTrue(r.finished());
        Mention m = r.mentions().get(0);
        assertEquals(1, r.mentions().size());
        assertEquals(new Mention(Platform.XIAOHONGSHU, NOTE, Kind.NOTE, "避雷！暖途T7空气炸锅一个月掉涂层\n"
                + "5月初买的，不到一个月内胆涂层一片片掉，客服说是我用钢丝球刷的（根本没有！）申请退款被拒，已经在黑猫投诉和12315都提交了。"
                + "姐妹们买之前一定看清楚 #空气炸锅[话题]# #避雷[话题]#",
                OffsetDateTime.parse("2024-05-31T19:20:00+08:00"), new Author("5e8f0000000000000100aa01", "踩坑小能手", 0, false),
                null, null, "https://www.xiaohongshu.com/explore/" + NOTE
                        + "?xsec_token=ABfakeXsecToken00abc1=&xsec_source=pc_search",
                new Metrics(0, 2103, 12000, 987, 3456)), m);
    }

    @Test
    void commentRowsAnswerTheirNoteAndAreDetectedByTheirFields() throws Exception {
        PollResult r = poll(task(Fixtures.file("xiaohongshu", "mediacrawler_xhs_comment.jsonl"), "auto"), null);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("6659b001000000001d01c001", "6659b002000000001d01c002", "6659b003000000001d01c003"),
                r.mentions().stream().map(Mention::id).toList());
        Mention first = r.mentions().get(0);
        assertEquals(new Mention(Platform.XIAOHONGSHU, "6659b001000000001d01c001", Kind.COMMENT, "我的也是！客服一直说人为损坏，气死",
                OffsetDateTime.parse("2024-05-31T19:25:00+08:00"), new Author("5e8f0000000000000100bb01", "一颗橙子", 0, false),
                NOTE, NOTE, "https://www.xiaohongshu.com/explore/" + NOTE, new Metrics(0, 45, 1832, 0, 0)), first);
    }

    @Test
    void aReplyRowAnswersItsParentComment() throws Exception {
        Path f = tmp.resolve("c.jsonl");
        Files.writeString(f, Files.readAllLines(Fixtures.file("xiaohongshu", "mediacrawler_xhs_comment.jsonl")).get(1)
                .replace("\"parent_comment_id\": 0", "\"parent_comment_id\": \"6659b001000000001d01c001\"") + "\n");
        Mention m = poll(task(f, "comments"), null).mentions().get(0);
        assertEquals("6659b001000000001d01c001", m.parentId());
        assertEquals(NOTE, m.rootId());
    }

    /** Lines 1 and 3 are good; 2 is cut short, 4 lacks its time, 5 has a time that is not epoch ms. */
    Path mixed() throws Exception {
        List<String> rows = Files.readAllLines(Fixtures.file("xiaohongshu", "mediacrawler_xhs_comment.jsonl"));
        List<String> lines = new ArrayList<>();
        lines.add(rows.get(0));
        lines.add(rows.get(1).substring(0, 60));
        lines.add(rows.get(2));
        lines.add(rows.get(1).replace("\"create_time\": 1717154750000, ", ""));
        lines.add(rows.get(1).replace("1717154750000", "\"2024-05-31 19:25\""));
        Path f = tmp.resolve("export.jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void eachBadLineIsReportedByNumberAndTheRestIsRead() throws Exception {
        PollResult r = poll(task(mixed(), "auto"), null);
        assertEquals(List.of("6659b001000000001d01c001", "6659b003000000001d01c003"),
                r.mentions().stream().map(Mention::id).toList());
        List<String> where = r.problems().stream().map(PollResult.Problem::where).toList();
        assertEquals(List.of("export.jsonl:2", "export.jsonl:4", "export.jsonl:5"), where);
        assertTrue(r.problems().get(0).message().startsWith("not valid JSON"), r.problems().get(0).message());
        assertEquals("missing field \"create_time\"", r.problems().get(1).message());
        assertEquals("field \"create_time\" must be epoch milliseconds, got \"2024-05-31 19:25\"",
                r.problems().get(2).message());
        assertTrue(r.finished());
    }

    @Test
    void aNewTaskResumesFromTheSavedCursorAndStillNumbersLines() throws Exception {
        Path f = mixed();
        List<String> lines = Files.readAllLines(f);
        long afterTwo = (lines.get(0) + "\n" + lines.get(1) + "\n").getBytes(StandardCharsets.UTF_8).length;
        PollResult r = poll(task(f, "comments"), afterTwo + ":3");
        assertEquals(List.of("6659b003000000001d01c003"), r.mentions().stream().map(Mention::id).toList());
        assertEquals(List.of("export.jsonl:4", "export.jsonl:5"), r.problems().stream().map(PollResult.Problem::where).toList());
        assertEquals(Files.size(f) + ":6", r.nextCursor());
        PollResult end = poll(task(f, "comments"), r.nextCursor());
        assertEquals(List.of(), end.mentions());
        assertTrue(end.finished());
        assertFalse(poll(task(f, "comments"), null).mentions().isEmpty());
    }

    @Test
    void theImportShowsItsProgressThroughTheFileOnStderr() throws Exception {
        String row = Files.readAllLines(Fixtures.file("xiaohongshu", "mediacrawler_xhs_comment.jsonl")).get(0);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            rows.add(row.replace("6659b001000000001d01c001", String.format("6659b0%018x", i)));
        }
        Path f = tmp.resolve("big.jsonl");
        Files.write(f, rows, StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        int mentions = 0;
        try {
            PollTask t = task(f, "comments");
            String cursor = null;
            PollResult r;
            do {
                r = poll(t, cursor);
                mentions += r.mentions().size();
                cursor = r.nextCursor();
            } while (!r.finished());
        } finally {
            System.setErr(old);
        }
        assertEquals(1_200, mentions, "three batches of 500, 500 and 200");
        String size = String.format(java.util.Locale.ROOT, "%,d", Files.size(f));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("import big.jsonl: " + size + " / " + size + " (100%)"),
                "off a terminal, a plain line with the bytes read of the file's size: " + stderr);
    }

    @Test
    void configNamesTheKeyAndWhy() throws Exception {
        Path f = mixed();
        ConfigException e = assertThrows(ConfigException.class, () -> task(f, "tweets"));
        assertEquals("Invalid value tweets for configuration kind: expected notes, comments or auto", e.getMessage());
        e = assertThrows(ConfigException.class, () -> task(tmp.resolve("nope.jsonl"), "auto"));
        assertEquals("Invalid value " + tmp.resolve("nope.jsonl") + " for configuration path: no such file", e.getMessage());
    }
}
