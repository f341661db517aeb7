package dev.firebreak.stories.virality;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's error measures. MSLE is the mean of {@code (log2(predicted+1) − log2(actual+1))²},
 * on final sizes or on increments (final − observed; DeepHawkes/CasCN report the latter).
 */
public final class Scores {
    private Scores() { }

    /** Mean squared error of {@code log2(x+1)}; NaN for no pairs. */
    public static double msle(double[] predicted, double[] actual) {
        if (predicted.length != actual.length) throw new IllegalArgumentException("lengths differ");
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = ForecastState.log2p1(predicted[i]) - ForecastState.log2p1(actual[i]);
            sum += d * d;
        }
        return predicted.length == 0 ? Double.NaN : sum / predicted.length;
    }

    /** MSLE of the increments {@code predicted − observed} against {@code actual − observed}. */
    public static double incrementMsle(double[] predicted, double[] actual, double[] observed) {
        double[] p = new double[predicted.length];
        double[] a = new double[predicted.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = predicted[i] - observed[i];
            a[i] = actual[i] - observed[i];
        }
        return msle(p, a);
    }

    /** The growth factor k that minimises the MSLE of {@code k · observed} (k in [1, 1000]). */
    public static double growthFactor(double[] observed, double[] actual) {
        double lo = 0;
        double hi = Math.log(1000);
        double best = 0;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 2000; i++) { // a fine grid on log k, then golden-section around the best
            double g = hi * i / 2000;
            double err = scaledMsle(observed, actual, Math.exp(g));
            if (err < bestErr) {
                bestErr = err;
                best = g;
            }
        }
        lo = Math.max(0, best - hi / 2000);
        hi = Math.min(hi, best + hi / 2000);
        double phi = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++) {
            double m1 = hi - phi * (hi - lo);
            double m2 = lo + phi * (hi - lo);
            if (scaledMsle(observed, actual, Math.exp(m1)) <= scaledMsle(observed, actual, Math.exp(m2))) hi = m2;
            else lo = m1;
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double scaledMsle(double[] observed, double[] actual, double k) {
        double[] p = new double[observed.length];
        for (int i = 0; i < p.length; i++) p[i] = k * observed[i];
        return msle(p, actual);
    }

    /** Share of {@code actual[i]} inside {@code [low[i], high[i]]}. */
    public static double coverage(double[] low, double[] high, double[] actual) {
        int in = 0;
        for (int i = 0; i < actual.length; i++) if (actual[i] >= low[i] && actual[i] <= high[i]) in++;
        return actual.length == 0 ? Double.NaN : (double) in / actual.length;
    }

    /** The {@code q} quantile of {@code {value, weight}} pairs (weighted, lower). NaN when empty. */
    static double weightedQuantile(List<double[]> pairs, double q) {
        if (pairs.isEmpty()) return Double.NaN;
        List<double[]> sorted = new ArrayList<>(pairs);
        sorted.sort((x, y) -> Double.compare(x[0], y[0]));
        double total = 0;
        for (double[] p : sorted) total += p[1];
        double seen = 0;
        for (double[] p : sorted) {
            seen += p[1];
            if (seen >= q * total) return p[0];
        }
        return sorted.get(sorted.size() - 1)[0];
    }
}
