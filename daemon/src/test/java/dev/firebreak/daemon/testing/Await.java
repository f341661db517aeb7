package dev.firebreak.daemon.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds, for tests that watch a daemon (or a child process) get somewhere.
 * It fails with a message naming what was awaited, so a timeout says what never happened.
 */
public final class Await {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** A condition that may call the daemon (HTTP, Redis) and so may throw. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Returns once {@code condition} holds; fails after {@code timeout} naming {@code what}. */
    public static void until(Condition condition, Duration timeout, String what) {
        until(condition, timeout, () -> what);
    }

    /**
     * As {@link #until(Condition, Duration, String)}, with {@code what} worked out only on a timeout, so it
     * can show the state the test saw last. An assertion failing inside the condition fails at once.
     */
    public static void until(Condition condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check(condition, what)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted while waiting for " + what.get());
            }
        }
    }

    private static boolean check(Condition condition, Supplier<String> what) {
        try {
            return condition.holds();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("failed while waiting for " + what.get() + ": " + e, e);
        }
    }
}
