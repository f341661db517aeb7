package dev.firebreak.delivery;

/**
 * Time and the one thread the dispatchers run on. Live it is wall time and a scheduled executor;
 * a test gives a simulated one, so an hour of retries runs in a moment.
 */
public interface DeliveryClock {
    /** Epoch millis. */
    long now();

    /** Runs the task on the delivery thread, in submission order. */
    void execute(Runnable task);

    /** Runs the task on the delivery thread after {@code delayMillis}; the handle cancels it. */
    Cancellable schedule(long delayMillis, Runnable task);

    interface Cancellable {
        void cancel();
    }
}
