package dev.firebreak.delivery;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When to try again: exponential steps over hours with full jitter (a random wait between a
 * second and the step), then the dead-letter list. Also the circuit breaker's settings.
 */
public record RetryPolicy(List<Duration> steps, int breakerFailures, Duration breakerCoolDown,
                          Duration breakerMaxCoolDown, DoubleSupplier random) {
    public static final List<Duration> STEPS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8));

    public static RetryPolicy standard() {
        return new RetryPolicy(STEPS, 5, Duration.ofSeconds(30), Duration.ofMinutes(10), Math::random);
    }

    /** The wait after the {@code failures}-th failed attempt (1-based), or null when it is time to give up. */
    public Duration backoff(int failures) {
        if (failures > steps.size()) {
            return null;
        }
        long cap = steps.get(failures - 1).toMillis();
        return Duration.ofMillis(Math.max(1_000, (long) (random.getAsDouble() * cap)));
    }

    /**
     * How long a delivery may stay undelivered in all: the sum of the steps. Past it a failure sends it to
     * the dead letters even if its own attempts were few (an open breaker holds attempts back).
     */
    public Duration maxAge() {
        return steps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** The breaker's wait before its next probe, doubling after each failed probe up to the maximum. */
    public Duration coolDown(int failedProbes) {
        long ms = breakerCoolDown.toMillis() << Math.min(failedProbes, 20);
        return Duration.ofMillis(Math.min(ms, breakerMaxCoolDown.toMillis()));
    }
}
