package dev.firebreak.connectors.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines and the exact offsets after them, across buffer ends, long lines, CRLF and Chinese text. */
class LineReaderTest {
    @TempDir
    Path dir;

    @Test
    void everyLineAndOffsetAsWrittenAndAResumeFromAnyCursorReadsTheRest() throws Exception {
        List<String> lines = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            // Lengths up to 200 KiB cross the 64 KiB buffer; 三 is three bytes, so some are cut inside a character.
            String text = i % 997 == 0 ? "长".repeat(70_000) : "第" + i + "条：三".repeat(i % 40) + (i % 5 == 0 ? "" : "x");
            lines.add(text);
            file.append(text).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        file.append("没有换行的最后一行");
        lines.add("没有换行的最后一行");
        Path path = dir.resolve("m.jsonl");
        Files.writeString(path, file, StandardCharsets.UTF_8);

        List<ReplayCursor> cursors = new ArrayList<>();
        try (LineReader reader = new LineReader(path, new ReplayCursor(0, 0))) {
            for (String expected : lines) {
                assertEquals(expected, reader.next());
                cursors.add(reader.position());
            }
            assertNull(reader.next());
        }
        assertEquals(Files.size(path), cursors.get(cursors.size() - 1).offset());
        for (int k : new int[] {0, 996, 997, 1500, 2999}) {
            try (LineReader reader = new LineReader(path, cursors.get(k))) {
                assertEquals(lines.get(k + 1), reader.next(), "resumed after line " + k);
                assertEquals(cursors.get(k + 1), reader.position());
            }
        }
    }

    @Test
    void anEmptyFileHasNoLinesAndABlankLineIsEmpty() throws Exception {
        Path empty = Files.writeString(dir.resolve("e"), "");
        try (LineReader reader = new LineReader(empty, new ReplayCursor(0, 0))) {
            assertNull(reader.next());
        }
        Path blank = Files.writeString(dir.resolve("b"), "\n\nz\n");
        try (LineReader reader = new LineReader(blank, new ReplayCursor(0, 0))) {
            assertEquals("", reader.next());
            assertEquals("", reader.next());
            assertEquals("z", reader.next());
            assertEquals(new ReplayCursor(4, 3), reader.position());
            assertNull(reader.next());
        }
    }
}
