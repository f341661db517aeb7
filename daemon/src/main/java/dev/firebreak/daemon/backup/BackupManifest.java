package dev.firebreak.daemon.backup;

import dev.firebreak.core.FirebreakJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * {@code manifest.json} of a backup folder, written last: a folder without one is not a (finished)
 * backup. It says what the backup holds so {@code firebreak restore} can check it before touching
 * anything: the index commit's files and sizes and its mention count, and the Redis state's kind.
 */
public record BackupManifest(int format, OffsetDateTime createdAt, String firebreakVersion, String namespace,
                             Index index, Redis redis) {
    public static final String FILE = "manifest.json";
    public static final int FORMAT = 1;

    /** The index snapshot: {@code index/} of the backup. */
    public record Index(String schemaVersion, long generation, long mentions, long bytes, Map<String, Long> files) { }

    /** The Redis state: {@code kind} rdb (the private server, BGSAVE) or keys (an external one's namespace). */
    public record Redis(String kind, String file, long bytes, Long keys) { }

    void write(Path backupDir) throws IOException {
        Path tmp = backupDir.resolve(FILE + ".tmp");
        FirebreakJson.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
        Files.move(tmp, backupDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads and checks a backup folder's manifest: every file it names is there with its size. */
    public static BackupManifest read(Path backupDir) throws IOException {
        Path file = backupDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(backupDir.toAbsolutePath() + " is not a finished Firebreak backup: it has no " + FILE);
        }
        BackupManifest m;
        try {
            m = FirebreakJson.mapper().readValue(file.toFile(), BackupManifest.class);
        } catch (IOException e) {
            throw new IOException(file.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
        if (m.format() != FORMAT || m.index() == null || m.redis() == null) {
            throw new IOException(file.toAbsolutePath() + " is a backup manifest of format " + m.format()
                    + " (or incomplete); this Firebreak reads format " + FORMAT);
        }
        for (var f : m.index().files().entrySet()) {
            expectSize(backupDir.resolve("index").resolve(f.getKey()), f.getValue());
        }
        expectSize(backupDir.resolve(m.redis().file()), m.redis().bytes());
        return m;
    }

    private static void expectSize(Path file, long bytes) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != bytes) {
            throw new IOException("the backup is damaged: " + file.toAbsolutePath() + " is missing or not " + bytes
                    + " bytes as " + FILE + " says");
        }
    }

    /** The running Firebreak's version (from the jar), or "dev" when run from classes. */
    static String runningVersion() {
        String v = BackupManifest.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
