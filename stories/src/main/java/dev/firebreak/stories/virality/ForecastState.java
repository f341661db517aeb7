package dev.firebreak.stories.virality;

import java.util.Arrays;
import java.util.List;

/**
 * One story's running forecast: give it reshares one at a time ({@link #add}, amortised O(1) for
 * reshares in time order) and ask at any moment ({@link #forecast}, O(log n + bins), about 60 bins
 * over a day). {@link Forecaster#forecast} feeds one of these, so the two always agree.
 *
 * <p>The model is SEISMIC (Zhao et al., KDD 2015) with a log-linear correction: infectiousness
 * {@code p̂ = R / E(t)}, reshares over follower-weighted exposure so far; the first-generation increment
 * until the horizon {@code p̂ · (E(H) − E(t))}; then {@code log2(final+1) = log2(observed+1) + max(0, w·x)}
 * over {@link #FEATURES}, fitted on training cascades. SEISMIC's factor for later generations,
 * {@code 1/(1 − γp̂)}, is left out on purpose: p̂ is per follower, so it made a story reshared by many
 * small accounts forecast far larger than the same story reshared by big ones; the correction's
 * weight on the first-generation term and its intercept carry later generations instead.
 * Mutable, not thread-safe: one per story.
 */
public final class ForecastState {
    /** The correction's inputs, in coefficient order. */
    static final List<String> FEATURES = List.of("intercept", "log2Observed", "log2Seismic", "log2Recent",
            "followersUnknown", "log2RootFollowers");

    private final ViralityParameters p;
    private final Kernel kernel;
    private final Exposure exposure;
    private final long rootFollowers;
    private final double[] x = new double[FEATURES.size()];
    private long[] times = new long[16];
    private int count;

    ForecastState(ViralityParameters p, Kernel kernel, long rootFollowers) {
        this.p = p;
        this.kernel = kernel;
        this.rootFollowers = rootFollowers;
        this.exposure = new Exposure(kernel, p.epsilon());
        exposure.add(0, weight(rootFollowers));
    }

    public void add(Reshare reshare) {
        add(reshare.offsetSeconds(), reshare.followers());
    }

    public void add(long offsetSeconds, long followers) {
        long t = Math.max(0, offsetSeconds);
        if (count == times.length) times = Arrays.copyOf(times, count * 2);
        int at = count;
        if (count > 0 && times[count - 1] > t) at = upperBound(t); // out of order
        System.arraycopy(times, at, times, at + 1, count - at);
        times[at] = t;
        count++;
        exposure.add(t, weight(followers));
    }

    /** Reshares added so far (root not included). */
    public int reshares() {
        return count;
    }

    /** The forecast at {@code observedSeconds} after the root, from the reshares added at or before it. */
    public Forecast forecast(long observedSeconds) {
        double t = Math.max(0, observedSeconds);
        int observed = upperBound(observedSeconds) + 1;
        double base = log2p1(observed);
        double yHat = base + Math.max(0, correction((long) t, observed));
        double predicted = Math.max(observed, Math.pow(2, yHat) - 1);
        int b = ViralityParameters.bucket(observed);
        double low = Math.min(predicted, Math.max(observed, Math.pow(2, yHat + p.bandLow()[b]) - 1));
        double high = Math.max(predicted, Math.pow(2, yHat + p.bandHigh()[b]) - 1);
        return new Forecast(observed, predicted, low, high, secondsToReach(t, observed, predicted), p.model());
    }

    /** {@code w·x} at time t: the forecast's log2 growth before clamping at 0. */
    double correction(long t, int observed) {
        features(t, observed, x);
        double[] w = p.coef();
        double sum = 0;
        for (int i = 0; i < x.length; i++) sum += w[i] * x[i];
        return sum;
    }

    /** The correction's inputs at time t, in {@link #FEATURES} order, into {@code out}. */
    void features(long t, int observed, double[] out) {
        int recent = observed - 1 - upperBound(t - (long) p.recentSeconds()); // offsets in (t - window, t]
        out[0] = 1;
        out[1] = log2p1(observed);
        double now = exposure.at(t);
        double infectiousness = now > 0 ? (observed - 1) / now : 0;
        out[2] = log2p1(firstGeneration(t, infectiousness, now));
        out[3] = log2p1(recent);
        out[4] = rootFollowers < 0 ? 1 : 0;
        out[5] = rootFollowers < 0 ? 0 : log2p1(rootFollowers);
    }

    /** SEISMIC's expected direct reshares of what is already shared, until the horizon. */
    private double firstGeneration(double t, double infectiousness, double now) {
        if (now <= 0 || t >= p.horizonSeconds()) return 0;
        return infectiousness * Math.max(0, exposure.at(p.horizonSeconds()) - now);
    }

    /** When growth reaches 90 % of the forecast, spreading what is left like the exposure still to come. */
    private Double secondsToReach(double t, int observed, double predicted) {
        double target = 0.9 * predicted;
        if (observed >= target) return 0.0;
        double now = exposure.at(t);
        double total = exposure.at(p.horizonSeconds()) - now;
        if (!(total > 0) || t >= p.horizonSeconds()) return null;
        double share = (target - observed) / (predicted - observed);
        double lo = Math.log1p(t);
        double hi = Math.log1p(p.horizonSeconds());
        for (int i = 0; i < 24; i++) { // bisection on log time: about 1e-7 of the range
            double mid = (lo + hi) / 2;
            if (exposure.at(Math.expm1(mid)) - now < share * total) lo = mid;
            else hi = mid;
        }
        return Math.max(0, Math.rint(Math.expm1(hi) - t));
    }

    private double weight(long followers) {
        return followers < 0 ? p.unknownFollowers() : Math.max(1, followers);
    }

    /** How many added reshares have an offset ≤ t. */
    private int upperBound(long t) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    static double log2p1(double v) {
        return Math.log1p(Math.max(0, v)) / Math.log(2);
    }
}
