package dev.firebreak.state.redis;

import dev.firebreak.store.LifecycleStore;
import dev.firebreak.store.StateStore;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one Redis client and one shared connection, and the private server when there is
 * no configured one. Close order: connection, client, then the private server.
 */
public final class RedisService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisService.class);

    /**
     * How long a command may take before it fails: short, so a request answers 503 within a second
     * during an outage instead of hanging; the rare bulk commands of a backup get longer.
     */
    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(800);
    static final Duration BULK_TIMEOUT = Duration.ofMinutes(2);

    private final EmbeddedRedis embedded;
    private final RedisClient client;
    private final ClientResources resources;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisHealth health;

    private RedisService(EmbeddedRedis embedded, RedisClient client, ClientResources resources,
                         StatefulRedisConnection<String, String> connection) {
        this.embedded = embedded;
        this.client = client;
        this.resources = resources;
        this.connection = connection;
        this.health = new RedisHealth(connection);
    }

    /** The command timeout by command: bulk ones (a backup's DUMP, RESTORE, SCAN) get minutes. */
    private static final class CommandTimeouts extends TimeoutOptions.TimeoutSource {
        private static final java.util.Set<String> BULK = java.util.Set.of("DUMP", "RESTORE", "SCAN", "BGSAVE", "SHUTDOWN");

        @Override
        public long getTimeout(RedisCommand<?, ?, ?> command) {
            return (BULK.contains(command.getType().toString()) ? BULK_TIMEOUT : COMMAND_TIMEOUT).toMillis();
        }

        @Override
        public TimeUnit getTimeUnit() {
            return TimeUnit.MILLISECONDS;
        }
    }

    /** Empty while Redis answers; else {@code "Redis is down since ...: why"}, known without waiting. */
    public Optional<String> problem() {
        return health.problem();
    }

    /** Whether this daemon has state in Redis (mentions marked seen, feed cursors): a lost index matters then. */
    public boolean holdsState(String namespace) {
        return connection.sync().exists(namespace + "seen", namespace + "cursors") > 0;
    }

    /** The private server's folder, empty when Redis is an external server. */
    public Optional<Path> embeddedDir() {
        return embedded == null ? Optional.empty() : Optional.of(embedded.dir());
    }

    /** Connects to {@code uri}, or starts a private server in {@code embeddedDir} when uri is null. */
    public static RedisService start(String uri, Path embeddedDir) throws IOException {
        if (uri == null && embeddedDir == null) {
            throw new IllegalArgumentException("either a Redis URI or a directory for the private Redis is needed");
        }
        EmbeddedRedis embedded = uri == null ? EmbeddedRedis.start(embeddedDir) : null;
        String target = uri == null ? embedded.uri() : uri;
        RedisURI redisUri;
        try {
            redisUri = RedisURI.create(target);
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid value " + masked(target) + " for configuration redis.uri: " + e.getMessage(), e);
        }
        // Reconnect attempts at most a second apart, so the daemon is back soon after Redis is.
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .timeoutOptions(TimeoutOptions.builder().timeoutSource(new CommandTimeouts()).build())
                .build());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            if (uri != null) {
                LOG.info("Redis: connected to {}", masked(uri));
            }
            return new RedisService(embedded, client, resources, connection);
        } catch (RuntimeException e) {
            client.shutdown();
            resources.shutdown();
            if (embedded != null) {
                embedded.close();
            }
            throw new IOException("cannot connect to Redis at " + masked(target) + ": " + e.getMessage(), e);
        }
    }

    public StateStore stateStore(String namespace) {
        return new RedisStateStore(connection, namespace);
    }

    public LifecycleStore lifecycleStore(String namespace) {
        return new RedisLifecycleStore(connection, namespace);
    }

    /** The shared connection, for stores that live outside this package (users, audit trail, delivery). */
    public StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    /** Deletes every key under a namespace (tests against a shared server, and a full reset). */
    public void deleteNamespace(String namespace) {
        var sync = connection.sync();
        var cursor = io.lettuce.core.ScanCursor.INITIAL;
        do {
            var page = sync.scan(cursor, io.lettuce.core.ScanArgs.Builder.matches(namespace + "*").limit(1000));
            if (!page.getKeys().isEmpty()) {
                sync.del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    /**
     * Starts a backup of Firebreak's Redis state at this instant. The private server: {@code BGSAVE}
     * (the whole dataset, forked now). An external one: the keys under {@code namespace}, dumped when
     * {@link RedisBackup#writeTo} runs. Call it where the index snapshot is taken, between batches.
     */
    public RedisBackup beginBackup(String namespace) throws IOException {
        return embedded != null ? RedisBackup.rdb(RdbSnapshot.begin(connection.sync()))
                : RedisBackup.keys(connection.sync(), namespace);
    }

    /** Puts a backup's Redis state back into this server (the daemon on it stopped). Returns the keys restored. */
    public long restoreKeys(Path dump, String namespace) throws IOException {
        if (embedded != null) {
            throw new IOException("this backup holds an external Redis's keys; restore it with redis.uri configured");
        }
        return NamespaceDump.restore(this, connection.sync(), namespace, dump);
    }

    /** A URI with any password replaced, fit for logs and errors. */
    public static String masked(String uri) {
        return uri == null ? null : uri.replaceAll("(?<=//)([^@/]*)@", "***@");
    }

    @Override
    public void close() {
        health.close();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
        if (embedded != null) {
            embedded.close();
        }
    }
}
