package dev.firebreak.stories.virality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelTest {
    private final Kernel kernel = new Kernel(300, 0.242);

    /** ∫₀ˢ φ by the trapezoid rule on a fine log-spaced grid. */
    private double integral(double s) {
        int steps = 200_000;
        double sum = kernel.density(0) * 1e-3; // [0, 1e-3] at the flat value
        double prev = 1e-3;
        for (int i = 1; i <= steps; i++) {
            double x = 1e-3 * Math.pow(s / 1e-3, (double) i / steps);
            sum += (kernel.density(prev) + kernel.density(x)) / 2 * (x - prev);
            prev = x;
        }
        return sum;
    }

    @Test
    void cumulativeIsTheIntegralOfTheDensity() {
        for (double s : new double[] {10, 299, 300, 301, 3600, 86_400, 7 * 86_400.0}) {
            assertEquals(integral(s), kernel.cumulative(s), 1e-4, "Phi(" + s + ")");
        }
    }

    @Test
    void densityIsNormalisedAndContinuous() {
        assertEquals(0.242 / (300 * 1.242), kernel.density(1), 1e-15); // the paper's c = 6.49e-4
        assertEquals(kernel.density(300), kernel.density(300 + 1e-9), 1e-12);
        assertEquals(0.242 / 1.242, kernel.cumulative(300), 1e-12);
        assertEquals(1.0, kernel.cumulative(1e30), 1e-6);
        assertEquals(0.0, kernel.cumulative(-5));
        assertEquals(0.0, kernel.density(-5));
        assertTrue(kernel.cumulative(3600) < kernel.cumulative(86_400));
    }
}
