package dev.firebreak.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The end-to-end {@code bench} shows its progress on stderr against the mentions it generated; results stay on stdout. */
class BenchCommandProgressTest {
    @Test
    void benchShowsItsProgressAgainstTheMentionsItReplays() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new BenchCommand().run(new String[] {"bench", "--mentions", "300"});
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, stderr);
        assertTrue(stdout.startsWith("mentions: 300 "), stdout);
        assertTrue(!stdout.contains("bench:"), "stdout holds the results alone: " + stdout);
        assertTrue(stderr.contains("bench: 300 / 300 (100%)"), stderr);
    }
}
