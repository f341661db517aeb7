package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.lifecycle.BlockingComponent;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** The one Vert.x instance: event loops, timers, worker threads, the event bus of the live feed. */
public final class VertxComponent extends BlockingComponent {
    private Vertx vertx;

    public VertxComponent() {
        super("vertx");
    }

    @Override
    protected void startNow() {
        vertx = Vertx.vertx();
    }

    @Override
    protected void stopNow() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public Vertx vertx() {
        return vertx;
    }
}
