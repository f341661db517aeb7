package dev.firebreak.state.redis.testing;

import dev.firebreak.state.redis.EmbeddedRedis;
import dev.firebreak.state.redis.RedisService;
import dev.firebreak.store.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;

/**
 * Redis for tests, by the daemon's own rule: the server at {@code REDIS_URI} when it is set (CI runs
 * the suite once so against Debian's redis-server), else a private embedded one. Each store gets a
 * namespace of its own, so tests never see each other's keys.
 */
public final class TestRedis {
    private static RedisService service;
    private static String uri;

    private TestRedis() { }

    public static synchronized StateStore freshStore() throws IOException {
        return service().stateStore("test:" + UUID.randomUUID() + ":");
    }

    /** A lifecycle store under a namespace of its own on the test server. */
    public static synchronized dev.firebreak.store.LifecycleStore freshLifecycleStore() throws IOException {
        return service().lifecycleStore("test:" + UUID.randomUUID() + ":");
    }

    /** The test server's shared connection (give each user a namespace of its own). */
    public static synchronized io.lettuce.core.api.StatefulRedisConnection<String, String> connection() throws IOException {
        return service().connection();
    }

    /** The test server's URI: {@code REDIS_URI}, or the private server's (started on first use). */
    public static synchronized String uri() throws IOException {
        service();
        return uri;
    }

    private static RedisService service() throws IOException {
        if (service == null) {
            String external = externalUri();
            EmbeddedRedis embedded = external == null
                    ? EmbeddedRedis.start(Files.createTempDirectory("firebreak-test-redis-")) : null;
            uri = external == null ? embedded.uri() : external;
            service = RedisService.start(uri, null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                service.close();
                if (embedded != null) {
                    embedded.close();
                }
            }));
        }
        return service;
    }

    /** The URI tests should give a daemon: the external server, or null for a private one. */
    public static String externalUri() {
        String uri = System.getenv("REDIS_URI");
        return uri == null || uri.isBlank() ? null : uri;
    }
}
