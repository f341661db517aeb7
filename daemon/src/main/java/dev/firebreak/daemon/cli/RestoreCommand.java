package dev.firebreak.daemon.cli;

import dev.firebreak.daemon.backup.CopyProgress;
import dev.firebreak.daemon.backup.Restore;
import dev.firebreak.daemon.config.ConfigLoader;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.wiring.DataDirLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** {@code firebreak restore DIR}: a backup back into the data directory of a stopped daemon. */
final class RestoreCommand {
    static final String HELP = """
            Usage: firebreak restore DIR [--config FILE] [--data DIR] [--redis-uri URI]

            Puts a backup made by 'firebreak backup' back: the index into DATA/index, the Redis state into
            the private Redis under DATA/redis (or, for a backup of an external Redis, its Firebreak keys
            into that server). The daemon must be stopped: a data directory in use is refused. The backup
            is checked against its manifest.json before anything is replaced.

              --config FILE    the daemon's firebreak.yaml: its data directory and redis.uri
              --data DIR       the data directory (default: the config's, or ./data)
              --redis-uri URI  the external Redis (default: the config's redis.uri; none: the private one)
            """;

    private RestoreCommand() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("restore", argv, 1, Set.of("config", "data", "redis-uri"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        if (args.positional().size() != 1) {
            throw new Args.UsageException("restore: expected one backup folder (firebreak restore DIR)");
        }
        FirebreakConfig config = args.get("config") == null ? null : ConfigLoader.load(Path.of(args.get("config")));
        Path data = Path.of(args.get("data") != null ? args.get("data") : config != null ? config.dataDir().toString() : "./data");
        String redisUri = args.get("redis-uri") != null ? args.get("redis-uri") : config != null ? config.redisUri() : null;
        DataDirLock lock = new DataDirLock(data);
        Throwable locked = lock.start().cause();
        if (locked != null) {
            throw new IOException(locked.getMessage() + ": stop it before restoring", locked);
        }
        try (CopyProgress progress = new CopyProgress("restore", System.err)) {
            Restore.Restored r = Restore.run(Path.of(args.positional().get(0)), data, redisUri, progress);
            System.out.println("Restored " + r.mentions() + " mentions and the Redis state (" + r.redisKind() + ", "
                    + r.redisKeys() + " keys) into " + data.toAbsolutePath() + ": start the daemon");
            return 0;
        } finally {
            lock.stop();
        }
    }
}
