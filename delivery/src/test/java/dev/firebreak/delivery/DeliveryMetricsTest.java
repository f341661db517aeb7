package dev.firebreak.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.state.redis.RedisDeliveryRecords;
import dev.firebreak.state.redis.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dispatcher's sends, failed attempts and dead letters, counted per endpoint id. */
class DeliveryMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SimulatedClock clock = new SimulatedClock(DispatcherTest.T0);
    private DeliveryStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = new DeliveryStore(new RedisDeliveryRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":"));
    }

    private double count(String name, String endpoint) {
        return registry.get(name).tag("endpoint", endpoint).counter().count();
    }

    private void queue(Dispatcher d, String id) {
        Delivery delivery = new Delivery(id, d.endpointId(), "alert-" + id, "story-" + id, 1, false, "{}", clock.now());
        store.enqueue(delivery);
        d.offer(new TrackedDelivery(delivery));
    }

    @Test
    void sentFailedAndDeadLetteredMoveAsTheEndpointAnswers() {
        int[] calls = {0};
        FakeReceiver r = new FakeReceiver("pr-oncall", Integer.MAX_VALUE, clock, at -> switch (calls[0]++) {
            case 0 -> SendResult.retry(503, null, "HTTP 503");
            case 1 -> SendResult.ok(200);
            default -> SendResult.fail(400, "HTTP 400 Bad Request");
        });
        Dispatcher d = new Dispatcher(r, store, clock, RetryPolicy.standard(), () -> CompletableFuture.completedFuture(null),
                Duration.ofSeconds(20), new DeliveryMetrics(registry));
        d.start();
        assertEquals(0, count("firebreak.deliveries.sent", "pr-oncall"), "the series exist from the start");
        queue(d, "a");
        clock.runFor(Duration.ofHours(1).toMillis());
        assertEquals(1, count("firebreak.deliveries.failed", "pr-oncall"));
        assertEquals(1, count("firebreak.deliveries.sent", "pr-oncall"));
        queue(d, "b");
        clock.runFor(Duration.ofMinutes(1).toMillis());
        assertEquals(2, count("firebreak.deliveries.failed", "pr-oncall"), "a refusal is a failed attempt");
        assertEquals(1, count("firebreak.deliveries.dead.lettered", "pr-oncall"));
        assertEquals(1, count("firebreak.deliveries.sent", "pr-oncall"));
    }
}
