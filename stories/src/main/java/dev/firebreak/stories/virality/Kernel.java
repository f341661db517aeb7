package dev.firebreak.stories.virality;

/**
 * SEISMIC's memory kernel (Zhao et al., KDD 2015): how a post's exposure to one account's followers
 * is spread over time after that account shares it. {@code φ(s) = c} for {@code 0 ≤ s ≤ s0} and
 * {@code c (s/s0)^-(1+θ)} after, with {@code c = θ / (s0 (1+θ))} so that it integrates to 1.
 * Immutable.
 */
final class Kernel {
    private final double s0;
    private final double theta;
    private final double c;

    Kernel(double s0, double theta) {
        if (!(s0 > 0) || !(theta > 0)) {
            throw new IllegalArgumentException("kernel needs s0 > 0 and theta > 0, got s0=" + s0 + " theta=" + theta);
        }
        this.s0 = s0;
        this.theta = theta;
        this.c = theta / (s0 * (1 + theta));
    }

    double s0() {
        return s0;
    }

    /** φ(s): the density at age {@code s} seconds (0 before the share). */
    double density(double s) {
        if (s < 0) return 0;
        return s <= s0 ? c : c * Math.pow(s / s0, -(1 + theta));
    }

    /** Φ(s) = ∫₀ˢ φ: the share of an account's exposure reached {@code s} seconds after it shared. */
    double cumulative(double s) {
        if (s <= 0) return 0;
        if (s <= s0) return c * s;
        return 1 - Math.pow(s / s0, -theta) / (1 + theta);
    }
}
