package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.lifecycle.BlockingComponent;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/**
 * The one Vert.x instance: event loops, timers, worker threads, the event bus of the live feed. It
 * reports its HTTP server, HTTP client and event bus metrics ({@code vertx_*}) to the daemon's registry,
 * labelled by method, route pattern, status code and event-bus address: never a raw path or a remote
 * address, which would make a series per client.
 */
public final class VertxComponent extends BlockingComponent {
    private final MeterRegistry meters;
    private Vertx vertx;

    public VertxComponent(MeterRegistry meters) {
        super("vertx");
        this.meters = meters;
    }

    @Override
    protected void startNow() {
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true)
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_ROUTE, Label.HTTP_CODE, Label.EB_ADDRESS,
                        Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME));
        vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(meters)).build();
    }

    @Override
    protected void stopNow() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public Vertx vertx() {
        return vertx;
    }
}
