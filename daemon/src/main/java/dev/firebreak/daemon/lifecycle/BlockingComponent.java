package dev.firebreak.daemon.lifecycle;

import io.vertx.core.Future;

/**
 * A component whose start and stop are plain blocking calls (open a file, start Redis, wait for the
 * polling to stop): they run on the thread that starts the components, never on an event loop, and
 * their futures are complete when {@link #start}/{@link #stop} return.
 */
public abstract class BlockingComponent implements Component {
    private final String name;

    protected BlockingComponent(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    protected abstract void startNow() throws Exception;

    protected void stopNow() throws Exception {
    }

    @Override
    public final Future<Void> start() {
        return run(this::startNow);
    }

    @Override
    public final Future<Void> stop() {
        return run(this::stopNow);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Future<Void> run(Step step) {
        try {
            step.run();
            return Future.succeededFuture();
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
    }
}
