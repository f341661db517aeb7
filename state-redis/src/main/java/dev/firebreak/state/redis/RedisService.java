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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one Redis client and one shared connection, and the private server when there is
 * no configured one. Close order: connection, client, then the private server.
 */
public final class RedisService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisService.class);

    private final EmbeddedRedis embedded;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisService(EmbeddedRedis embedded, RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.embedded = embedded;
        this.client = client;
        this.connection = connection;
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
        RedisClient client = RedisClient.create(redisUri);
        client.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(10)))
                .build());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            if (uri != null) {
                LOG.info("Redis: connected to {}", masked(uri));
            }
            return new RedisService(embedded, client, connection);
        } catch (RuntimeException e) {
            client.shutdown();
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

    /** A URI with any password replaced, fit for logs and errors. */
    public static String masked(String uri) {
        return uri == null ? null : uri.replaceAll("(?<=//)([^@/]*)@", "***@");
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        if (embedded != null) {
            embedded.close();
        }
    }
}
