package dev.firebreak.daemon.http;

import dev.firebreak.store.MentionStore;
import dev.firebreak.store.StateStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Redis and the index as gauges, 1 while they answer and 0 when they do not: the checks {@code /ready}
 * makes (a Redis PING, an index count), run afresh before each scrape of {@code /metrics}.
 */
public final class HealthMetrics {
    private final Vertx vertx;
    private final StateStore state;
    private final MentionStore index;
    private final AtomicInteger redisUp = new AtomicInteger();
    private final AtomicInteger indexUp = new AtomicInteger();

    public HealthMetrics(Vertx vertx, StateStore state, MentionStore index, MeterRegistry registry) {
        this.vertx = vertx;
        this.state = state;
        this.index = index;
        Gauge.builder("firebreak.redis.up", redisUp, AtomicInteger::get)
                .description("1 when Redis answered the last PING, else 0").register(registry);
        Gauge.builder("firebreak.index.up", indexUp, AtomicInteger::get)
                .description("1 when the Lucene index answered the last count, else 0").register(registry);
    }

    /** Runs both checks and sets the gauges; never fails (a failed check is a 0). */
    public Future<Void> refresh() {
        Future<Boolean> redis = Future.fromCompletionStage(state.ping(), vertx.getOrCreateContext())
                .recover(e -> Future.succeededFuture(false));
        Future<Boolean> idx = vertx.executeBlocking(() -> {
            index.count();
            return true;
        }).recover(e -> Future.succeededFuture(false));
        return Future.join(redis, idx).transform(ar -> {
            redisUp.set(Boolean.TRUE.equals(redis.result()) ? 1 : 0);
            indexUp.set(Boolean.TRUE.equals(idx.result()) ? 1 : 0);
            return Future.succeededFuture();
        });
    }
}
