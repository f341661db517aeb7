package dev.firebreak.connectors.replay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads UTF-8 lines from a byte offset, keeping the exact offset of the next line for the cursor. */
public final class LineReader implements Closeable {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private long offset;
    private long lineNumber;

    public LineReader(Path file, ReplayCursor from) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(from.offset());
        this.in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        this.offset = from.offset();
        this.lineNumber = from.nextLine();
    }

    /** The next line without its terminator, or null at the end of the file. */
    public String next() throws IOException {
        line.reset();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            offset++;
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        if (!any) {
            return null;
        }
        lineNumber++;
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** The cursor just past the last line returned. */
    public ReplayCursor position() {
        return new ReplayCursor(offset, lineNumber);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
