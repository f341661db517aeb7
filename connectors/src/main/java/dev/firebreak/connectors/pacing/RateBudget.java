package dev.firebreak.connectors.pacing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One token's call budget (a platform's per-user hourly quota), shared by every feed polled with the
 * token: a bucket of {@code callsPerHour} calls refilled evenly. A feed that finds it empty waits
 * {@link #waitFor()} instead of spending calls the platform would refuse (and punish).
 */
public final class RateBudget {
    private final double perMilli;
    private final double capacity;
    private final LongSupplier clockMillis;
    private double tokens;
    private long last;

    public RateBudget(int callsPerHour, LongSupplier clockMillis) {
        this.capacity = callsPerHour;
        this.perMilli = callsPerHour / 3_600_000.0;
        this.clockMillis = clockMillis;
        this.tokens = callsPerHour;
        this.last = clockMillis.getAsLong();
    }

    public static RateBudget perHour(int callsPerHour) {
        return new RateBudget(callsPerHour, System::currentTimeMillis);
    }

    /** Takes one call if the budget has one. */
    public synchronized boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until one call is available. */
    public synchronized Duration waitFor() {
        refill();
        return tokens >= 1 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli));
    }

    private void refill() {
        long now = clockMillis.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perMilli);
        last = now;
    }
}
