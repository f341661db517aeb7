package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.lifecycle.BlockingComponent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One daemon per data directory: a second one would write the same index and Redis files. A second one
 * in the same process (tests) is refused the same way.
 */
public final class DataDirLock extends BlockingComponent {
    private final Path dataDir;
    private FileChannel channel;
    private FileLock lock;

    public DataDirLock(Path dataDir) {
        super("data directory");
        this.dataDir = dataDir;
    }

    @Override
    protected void startNow() throws IOException {
        Files.createDirectories(dataDir);
        channel = FileChannel.open(dataDir.resolve("firebreak.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another Firebreak is running on the data directory " + dataDir.toAbsolutePath());
        }
    }

    @Override
    protected void stopNow() throws IOException {
        lock.release();
        channel.close();
    }
}
