package dev.firebreak.delivery;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wall time and one daemon thread, "firebreak-delivery": the live {@link DeliveryClock}. */
public final class SystemDeliveryClock implements DeliveryClock, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemDeliveryClock.class);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "firebreak-delivery");
        t.setDaemon(true);
        return t;
    });

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public void execute(Runnable task) {
        if (!thread.isShutdown()) {
            thread.execute(guarded(task));
        }
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        if (thread.isShutdown()) {
            return () -> { };
        }
        var f = thread.schedule(guarded(task), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /** A failing task is logged, never the end of the delivery thread's other work. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("delivery task failed: {}", e.toString());
            }
        };
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
