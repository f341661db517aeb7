package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.FirebreakJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path tmp;

    static String line(String id, String text, long followers) {
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"kind\":\"post\",\"text\":\"" + text + "\","
                + "\"createdAt\":\"2026-11-20T10:0" + id.charAt(id.length() - 1) + ":00+08:00\","
                + "\"author\":{\"id\":\"a" + id + "\",\"name\":\"用户" + id + "\",\"followers\":" + followers + "}}";
    }

    @Test
    void writesAlertsAsJsonLinesAndReportsABadLineByNumber() throws Exception {
        Path in = tmp.resolve("mentions.jsonl");
        Files.write(in, List.of(
                line("1", "暖途T7空气炸锅冒烟了，客服踢皮球，太坑了", 2_150_000),
                "{\"platform\":\"weibo\",\"id\":\"2\"",
                line("3", "暖途加湿器真好用，推荐", 500_000),
                "",
                line("5", "暖途电暖器漏电，退款被拒，气死了", 80_000),
                line("6", "暖途电暖器漏电，退款被拒，气死了", 300)), StandardCharsets.UTF_8);
        Path out = tmp.resolve("alerts.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = Main.run(new String[] {"replay", in.toString(), "--out", out.toString()});
        } finally {
            System.setErr(old);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, stderr);
        assertTrue(stderr.contains("mentions.jsonl:2: not valid JSON"), stderr);
        // weibo:1 and weibo:5 are safety complaints (冒烟, 漏电): two alerts; weibo:6 copies weibo:5, so its
        // story's alert is updated (written again, same id), not repeated.
        assertTrue(stderr.contains("replayed 4 mentions") && stderr.contains("2 alerts, 1 updates, 1 lines skipped"), stderr);
        // Off a terminal, progress is a plain line on stderr; its total is the file's five non-blank lines.
        assertTrue(stderr.contains("replay mentions.jsonl: 5 / 5 (100%)"), stderr);
        List<String> alerts = Files.readAllLines(out);
        assertEquals(3, alerts.size(), String.join("\n", alerts));
        assertEquals(FirebreakJson.mapper().readTree(alerts.get(1)).get("id"), FirebreakJson.mapper().readTree(alerts.get(2)).get("id"));
        assertEquals("[\"weibo:5\",\"weibo:6\"]", FirebreakJson.mapper().readTree(alerts.get(2)).get("mentions").toString());
        assertEquals("weibo:1", FirebreakJson.mapper().readTree(alerts.get(0)).get("mentions").get(0).asText());
        assertEquals("weibo:5", FirebreakJson.mapper().readTree(alerts.get(1)).get("mentions").get(0).asText());
        assertEquals("2026-11-20T10:01:00+08:00", FirebreakJson.mapper().readTree(alerts.get(0)).get("firedAt").asText());
    }

    @Test
    void usageErrorsAreOneLineAndNonZero() {
        assertEquals(2, Main.run(new String[] {"replay"}));
        assertEquals(2, Main.run(new String[] {"replay", tmp.resolve("missing.jsonl").toString()}));
        assertEquals(2, Main.run(new String[] {"replay", "x", "--colour", "red"}));
        assertEquals(2, Main.run(new String[] {"frobnicate"}));
        assertEquals(0, Main.run(new String[] {"replay", "--help"}));
    }
}
