package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.stories.virality.Forecast;
import dev.firebreak.stories.virality.Forecaster;
import dev.firebreak.stories.virality.Reshare;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ViralityCommandTest {
    private static String line(String root, long rootFollowers, List<Reshare> reshares) {
        Forecast f = Forecaster.load().forecast(rootFollowers, reshares, 3600);
        return String.format(Locale.ROOT, "{\"rootId\":\"%s\",\"observed\":%d,\"predictedFinal\":%s,\"low\":%s,\"high\":%s%s}",
                root, f.observed(), r(f.predictedFinal()), r(f.low()), r(f.high()),
                f.secondsToFinal() == null ? "" : ",\"secondsToFinal\":" + Math.round(f.secondsToFinal()));
    }

    private static String r(double x) {
        return Double.toString(Math.round(x * 10) / 10.0);
    }

    @Test
    void forecastsEachRootFromItsRepostsInTheWindow() throws Exception {
        Path file = Path.of(getClass().getResource("/virality/two-roots.jsonl").toURI());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ViralityCommand.run(new String[] {"virality", file.toString(), "--observe", "1h"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        // weibo:100: 101 (5 min) and 102 (20 min, via its parent 101) count; 104 is after 1 h; 105 is a comment.
        // douyin:200: 201 at 59:59 counts, 202 at 1:00:01 does not.
        List<String> expected = List.of(
                line("weibo:100", 5000, List.of(new Reshare(300, 200), new Reshare(1200, 50_000))),
                line("douyin:200", 80, List.of(new Reshare(3599, 10))));
        assertEquals(expected, out.toString(StandardCharsets.UTF_8).lines().toList());
        assertTrue(expected.get(0).startsWith("{\"rootId\":\"weibo:100\",\"observed\":3,"), expected.get(0));
        assertTrue(expected.get(1).startsWith("{\"rootId\":\"douyin:200\",\"observed\":2,"), expected.get(1));
        List<String> problems = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(file + ":4: not valid JSON"), problems.get(0));
        assertEquals("firebreak virality: 1 repost whose root never appears in " + file + " ignored", problems.get(1));
    }

    @Test
    void durations() throws Exception {
        assertEquals(90, ViralityCommand.durationSeconds("v", "--observe", "90s", 1));
        assertEquals(1800, ViralityCommand.durationSeconds("v", "--observe", "30m", 1));
        assertEquals(7200, ViralityCommand.durationSeconds("v", "--observe", "2h", 1));
        assertEquals(3600, ViralityCommand.durationSeconds("v", "--observe", null, 3600));
        Args.UsageException e = assertThrows(Args.UsageException.class,
                () -> ViralityCommand.durationSeconds("virality", "--observe", "1 hour", 1));
        assertEquals("virality: --observe: expected a duration like 90s, 30m, 1h or 2d, got \"1 hour\"", e.getMessage());
        assertThrows(Args.UsageException.class, () -> ViralityCommand.durationSeconds("virality", "--observe", "0m", 1));
    }
}
