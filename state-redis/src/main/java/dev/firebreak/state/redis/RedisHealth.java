package dev.firebreak.state.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether Redis answers, known without waiting: a PING every {@link #EVERY_MILLIS} ms on the shared
 * connection (bounded by the command timeout) keeps the last answer, so {@code /ready} reads it at once
 * instead of hanging with the outage.
 */
final class RedisHealth implements AutoCloseable {
    static final long EVERY_MILLIS = 250;

    private final StatefulRedisConnection<String, String> connection;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "firebreak-redis-health");
        t.setDaemon(true);
        return t;
    });
    private volatile String problem;
    private volatile Instant since = Instant.now();
    private volatile boolean inFlight;

    RedisHealth(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
        timer.scheduleWithFixedDelay(this::check, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Empty while Redis answers; else "Redis is down since ...: why". */
    Optional<String> problem() {
        String p = problem;
        return p == null ? Optional.empty() : Optional.of("Redis is down since " + since + ": " + p);
    }

    private void check() {
        if (!connection.isOpen()) {
            set("the connection is lost (reconnecting)");   // known at once, no need to wait for a PING's timeout
            return;
        }
        if (inFlight) {
            return;   // the last PING has not come back yet (it times out by the command timeout)
        }
        inFlight = true;
        try {
            connection.async().ping().whenComplete((pong, error) -> {
                inFlight = false;
                set(error != null ? String.valueOf(error.getMessage()) : "PONG".equals(pong) ? null : "PING answered " + pong);
            });
        } catch (RuntimeException e) {
            inFlight = false;
            set(String.valueOf(e.getMessage()));
        }
    }

    /** Records the state now: null when Redis answers, else what is wrong. */
    private void set(String now) {
        if ((now == null) != (problem == null)) {
            since = Instant.now();
        }
        problem = now;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
