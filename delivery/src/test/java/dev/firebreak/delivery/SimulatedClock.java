package dev.firebreak.delivery;

import java.util.PriorityQueue;

/** A {@link DeliveryClock} whose time moves only when the test says: tasks run on the test's thread. */
final class SimulatedClock implements DeliveryClock {
    private record Task(long at, long order, Runnable run, boolean[] cancelled) { }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private long now;
    private long order;

    SimulatedClock(long start) {
        this.now = start;
    }

    @Override
    public synchronized long now() {
        return now;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(new Task(now, order++, task, new boolean[1]));
    }

    @Override
    public synchronized Cancellable schedule(long delayMillis, Runnable task) {
        boolean[] cancelled = new boolean[1];
        tasks.add(new Task(now + Math.max(0, delayMillis), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs everything due up to {@code until}, moving time forward task by task. */
    void runUntil(long until) {
        while (true) {
            Task t;
            synchronized (this) {
                t = tasks.peek();
                if (t == null || t.at > until) {
                    now = Math.max(now, until);
                    return;
                }
                tasks.poll();
                now = Math.max(now, t.at);
            }
            if (!t.cancelled[0]) {
                t.run.run();
            }
        }
    }

    void runFor(long millis) {
        runUntil(now() + millis);
    }
}
