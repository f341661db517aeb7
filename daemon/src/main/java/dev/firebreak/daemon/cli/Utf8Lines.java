package dev.firebreak.daemon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a byte stream as lines of strict UTF-8. A line that is not valid UTF-8, or longer than
 * {@code maxBytes}, comes back as an error that says where, and the next line is read normally.
 * Not thread-safe.
 */
final class Utf8Lines {
    /** One line: its number (from 1) and either its text or what is wrong with it. */
    record Line(long number, String text, String error) { }

    private final InputStream in;
    private final int maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long number;
    private boolean eof;

    Utf8Lines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        long seen = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    eof = true;
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            byte b = buffer[pos++];
            if (b == '\n') break;
            seen++;
            if (seen <= maxBytes) bytes.write(b);
        }
        number++;
        if (seen > maxBytes) {
            return new Line(number, null, "line is longer than " + maxBytes + " bytes (" + seen + "); skipped");
        }
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        return decode(ByteBuffer.wrap(raw, 0, length));
    }

    private Line decode(ByteBuffer raw) {
        CharBuffer out = CharBuffer.allocate(raw.remaining());
        decoder.reset();
        CoderResult result = decoder.decode(raw, out, true);
        if (result.isError()) {
            return new Line(number, null, "invalid UTF-8 at byte " + (raw.position() + 1)
                    + " (byte 0x" + String.format("%02X", raw.get(raw.position()) & 0xFF) + "); line skipped");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark is not part of the first text
        }
        return new Line(number, text, null);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) return false;
        pos = 0;
        limit = n;
        return true;
    }
}
