package dev.firebreak.stories.virality;

import java.util.Arrays;

/**
 * The follower-weighted exposure of one story, {@code E(t) = Σ nᵢ Φ(t − tᵢ)}, kept in a bounded
 * number of time bins so that answering costs O(bins), not O(shares). A bin holds shares whose
 * times lie within {@code ε·(age + s0)} of each other and answers as if all were at their
 * follower-weighted mean time: exact while they are in the kernel's flat part, and within about
 * {@code ε·θ} of the exact sum in its power-law tail. Ages only grow, so a bin stays valid; every
 * time the bin count doubles the bins are re-merged with the current time (amortised O(1) per share),
 * which keeps about {@code ln(age/s0)/ε} bins (~60 over a day). Mutable, not thread-safe.
 */
final class Exposure {
    private final Kernel kernel;
    private final double epsilon;
    private double[] weight = new double[16];
    private double[] weightedTime = new double[16];
    private double[] first = new double[16];
    private double[] last = new double[16];
    private int bins;
    private int compactAt = 32;
    private double latest = Double.NEGATIVE_INFINITY;

    Exposure(Kernel kernel, double epsilon) {
        this.kernel = kernel;
        this.epsilon = epsilon;
    }

    /** One share at {@code time} seconds by an account weighing {@code followers}. */
    void add(double time, double followers) {
        latest = Math.max(latest, time);
        int at = bins;
        while (at > 0 && first[at - 1] > time) at--; // out of order: rare, and bins are few
        if (bins == weight.length) grow();
        System.arraycopy(weight, at, weight, at + 1, bins - at);
        System.arraycopy(weightedTime, at, weightedTime, at + 1, bins - at);
        System.arraycopy(first, at, first, at + 1, bins - at);
        System.arraycopy(last, at, last, at + 1, bins - at);
        weight[at] = followers;
        weightedTime[at] = followers * time;
        first[at] = time;
        last[at] = time;
        bins++;
        while (bins >= 2 && mergeable(bins - 2)) merge(bins - 2);
        if (bins >= compactAt) {
            compact();
            compactAt = Math.max(32, 2 * bins);
        }
    }

    /** Σ nᵢ Φ(t − tᵢ). */
    double at(double t) {
        double sum = 0;
        for (int i = 0; i < bins; i++) {
            sum += weight[i] * kernel.cumulative(t - weightedTime[i] / weight[i]);
        }
        return sum;
    }

    int bins() {
        return bins;
    }

    private boolean mergeable(int i) {
        double span = Math.max(last[i], last[i + 1]) - Math.min(first[i], first[i + 1]);
        double age = latest - Math.max(last[i], last[i + 1]);
        return span <= epsilon * (age + kernel.s0());
    }

    private void merge(int i) {
        weight[i] += weight[i + 1];
        weightedTime[i] += weightedTime[i + 1];
        first[i] = Math.min(first[i], first[i + 1]);
        last[i] = Math.max(last[i], last[i + 1]);
        int tail = bins - i - 2;
        System.arraycopy(weight, i + 2, weight, i + 1, tail);
        System.arraycopy(weightedTime, i + 2, weightedTime, i + 1, tail);
        System.arraycopy(first, i + 2, first, i + 1, tail);
        System.arraycopy(last, i + 2, last, i + 1, tail);
        bins--;
    }

    private void compact() {
        int i = 0;
        while (i < bins - 1) {
            if (mergeable(i)) merge(i);
            else i++;
        }
    }

    private void grow() {
        int n = weight.length * 2;
        weight = Arrays.copyOf(weight, n);
        weightedTime = Arrays.copyOf(weightedTime, n);
        first = Arrays.copyOf(first, n);
        last = Arrays.copyOf(last, n);
    }
}
