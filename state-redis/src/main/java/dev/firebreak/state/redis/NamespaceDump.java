package dev.firebreak.state.redis;

import io.lettuce.core.RestoreArgs;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * Firebreak's keys on an external Redis (every key under its namespace), key by key with {@code DUMP}
 * and back with {@code RESTORE ... REPLACE}, keeping each key's time to live. Each key is copied whole
 * and at once, but not all keys at one instant (an external server's RDB is out of our reach): a key
 * written during the dump may be newer than the index snapshot, which the dedup stage makes harmless.
 *
 * <p>File format: per key, {@code int keyLength, key (UTF-8), long pttl (-1: none), int dumpLength, dump}.
 */
final class NamespaceDump {
    private NamespaceDump() { }

    /** Writes every key under {@code namespace} to {@code file}; returns how many. */
    static long write(RedisCommands<String, String> redis, String namespace, Path file, LongConsumer keysDone)
            throws IOException {
        long keys = 0;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)))) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                var page = redis.scan(cursor, ScanArgs.Builder.matches(glob(namespace) + "*").limit(1000));
                for (String key : page.getKeys()) {
                    byte[] dump = redis.dump(key);
                    if (dump == null) {
                        continue;   // expired or deleted since the scan saw it
                    }
                    byte[] name = key.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(name.length);
                    out.write(name);
                    out.writeLong(Math.max(-1, redis.pttl(key)));
                    out.writeInt(dump.length);
                    out.write(dump);
                    keysDone.accept(++keys);
                }
                cursor = page;
            } while (!cursor.isFinished());
        }
        return keys;
    }

    /** Replaces every key under {@code namespace} with those of {@code file}; returns how many. */
    static long restore(RedisService service, RedisCommands<String, String> redis, String namespace, Path file)
            throws IOException {
        service.deleteNamespace(namespace);
        long keys = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int nameLength;
                try {
                    nameLength = in.readInt();
                } catch (EOFException end) {
                    return keys;
                }
                String key = new String(in.readNBytes(nameLength), StandardCharsets.UTF_8);
                if (!key.startsWith(namespace)) {
                    throw new IOException(file + " holds the key \"" + key + "\" outside the namespace " + namespace);
                }
                long pttl = in.readLong();
                byte[] dump = in.readNBytes(in.readInt());
                redis.restore(key, dump, RestoreArgs.Builder.ttl(Math.max(0, pttl)).replace());
                keys++;
            }
        }
    }

    /** The namespace with glob characters escaped, for SCAN MATCH. */
    private static String glob(String namespace) {
        return namespace.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
