package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(argv);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void checkPrintsEveryProblemWithItsPlaceAndFails() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "rules:\n  - id: x\n    match: '(退款'\n    severity: P5\n    notify: [pr-room]\n    cooldown: 30\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(out, err, "rules", "check", dir.toString()));
        assertEquals("""
                a.yaml:3:12: rule "x": match: column 4: expected ")" to close "(" at column 1
                a.yaml:4:15: rule "x": severity: expected one of P1, P2, P3, P4, got "P5"
                a.yaml:5:14: undefined channel "pr-room" used in rule "x"
                a.yaml:6:15: rule "x": cooldown: "30" has no unit (use s, m, h or d, e.g. 30m)
                firebreak rules check: 4 problem(s) in %s
                """.formatted(dir), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkOfAGoodFolderListsTheRulesWithTheirVersions() throws Exception {
        Files.writeString(dir.resolve("ok.yaml"), "rules:\n  - id: refund-watch\n    match: 退款\n    severity: P3\n    notify: [agents]\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, run(out, new ByteArrayOutputStream(), "rules", "check", dir.toString()));
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed.contains("refund-watch  version ") && listed.contains("8 rules OK"), listed);
    }

    @Test
    void backtestReportsTheRulesOnStdoutAndItsProgressOnStderrWithTheWindowsTotal() throws Exception {
        Path in = dir.resolve("mentions.jsonl");
        Files.write(in, java.util.List.of(
                ReplayCommandTest.line("1", "暖途T7空气炸锅冒烟了，客服踢皮球，太坑了", 2_150_000),
                ReplayCommandTest.line("3", "暖途加湿器真好用，推荐", 500_000),
                ReplayCommandTest.line("5", "暖途电暖器漏电，退款被拒，气死了", 80_000)), StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        assertEquals(0, run(new ByteArrayOutputStream(), new ByteArrayOutputStream(), "replay", in.toString(),
                "--data", data.toString(), "--out", dir.resolve("alerts.jsonl").toString()));
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("ok.yaml"), "rules:\n  - id: refund-watch\n    match: 退款\n    severity: P3\n    notify: [agents]\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(out, err, "rules", "backtest", rules.toString(), "--data", data.toString()));
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(report.startsWith("3 mentions in ") && report.contains("refund-watch"), report);
        assertTrue(!report.contains("rules backtest:"), "stdout stays the report alone: " + report);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("rules backtest: 3 / 3 (100%)"), stderr);
    }
}
