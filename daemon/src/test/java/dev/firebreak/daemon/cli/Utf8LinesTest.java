package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {
    private static List<Utf8Lines.Line> read(byte[] bytes, int max) throws Exception {
        Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(bytes), max);
        List<Utf8Lines.Line> all = new ArrayList<>();
        for (Utf8Lines.Line l = lines.next(); l != null; l = lines.next()) all.add(l);
        return all;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            byte[] b = p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p;
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    @Test
    void invalidBytesSpoilOnlyTheirLineAndTheErrorSaysWhere() throws Exception {
        List<Utf8Lines.Line> lines = read(bytes("好评\n", "坏", new byte[] {(byte) 0xFF}, "了\n", "差评\n"), 100);
        assertEquals("好评", lines.get(0).text());
        assertNull(lines.get(1).text());
        assertEquals("invalid UTF-8 at byte 4 (byte 0xFF); line skipped", lines.get(1).error());
        assertEquals(2, lines.get(1).number());
        assertEquals("差评", lines.get(2).text());
    }

    @Test
    void emptyLinesCrlfAByteOrderMarkAndNoFinalNewline() throws Exception {
        List<Utf8Lines.Line> lines = read(bytes("\uFEFF一\r\n\n\uD83D\uDE00\n末"), 100);
        assertEquals(List.of("一", "", "\uD83D\uDE00", "末"), lines.stream().map(Utf8Lines.Line::text).toList());
    }

    @Test
    void aTruncatedCharacterAtTheEndIsAnError() throws Exception {
        byte[] han = "好".getBytes(StandardCharsets.UTF_8);
        List<Utf8Lines.Line> lines = read(bytes("ok\n", new byte[] {han[0], han[1]}), 100);
        assertEquals("invalid UTF-8 at byte 1 (byte 0xE5); line skipped", lines.get(1).error());
    }

    @Test
    void anOverlongLineIsSkippedAndTheNextOneRead() throws Exception {
        List<Utf8Lines.Line> lines = read(bytes("x".repeat(30), "\nnext\n"), 10);
        assertEquals("line is longer than 10 bytes (30); skipped", lines.get(0).error());
        assertEquals("next", lines.get(1).text());
    }

    @Test
    void aTenThousandCharacterLineIsRead() throws Exception {
        String longLine = "差".repeat(10_000);
        assertEquals(longLine, read(bytes(longLine, "\n"), 1 << 20).get(0).text());
    }
}
