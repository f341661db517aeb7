package dev.firebreak.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Off a terminal, progress is a plain line with the counts every interval, and a last one at the end. */
class ProgressTest {
    private static final Pattern COUNTS = Pattern.compile("^replay: ([\\d,]+) / 400 \\((\\d+)%\\), [\\d,]+/s, \\d+ s elapsed");

    private static List<String> lines(ByteArrayOutputStream bytes) {
        return Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank()).toList();
    }

    @Test
    void offATerminalItWritesPeriodicLinesWithTheCountsAndAFinalOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.lines("replay", 400, out, Duration.ofMillis(40))) {
            for (int i = 0; i < 400; i++) {
                p.step();
                if (i % 20 == 0) {
                    TimeUnit.MILLISECONDS.sleep(12);
                }
            }
            assertEquals(400, p.done());
        }
        List<String> lines = lines(bytes);
        assertTrue(lines.size() >= 3, "periodic lines while the work runs: " + lines);
        long previous = -1;
        for (String line : lines) {
            Matcher m = COUNTS.matcher(line);
            assertTrue(m.find(), "a plain line with the counts: " + line);
            long done = Long.parseLong(m.group(1).replace(",", ""));
            assertTrue(done >= previous, "counts only grow: " + lines);
            previous = done;
            assertTrue(!line.contains("\r") && !line.contains("\u001b"), "no terminal control characters: " + line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("about ") && l.contains(" left")), "an estimate: " + lines);
        assertTrue(lines.get(lines.size() - 1).startsWith("replay: 400 / 400 (100%)"), lines.toString());
        assertTrue(lines.size() < 2 || !lines.get(lines.size() - 2).startsWith("replay: 400 / 400 "),
                "the final count once, not again at close: " + lines);
    }

    @Test
    void anUnknownTotalShowsTheCountAloneAndATotalLearntLaterIsUsed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.lines("import export.jsonl", -1, out, Duration.ofMillis(30))) {
            p.stepTo(1_234_567);
            TimeUnit.MILLISECONDS.sleep(80);
            p.total(2_000_000).stepTo(2_000_000);
        }
        List<String> lines = lines(bytes);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("import export.jsonl: 1,234,567, ")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("import export.jsonl: 2,000,000 / 2,000,000 (100%)"),
                lines.toString());
    }

    @Test
    void noneShowsNothing() {
        Progress p = Progress.none();
        p.step(5).close();
        assertEquals(0, p.done(), "it keeps no count either");
    }
}
