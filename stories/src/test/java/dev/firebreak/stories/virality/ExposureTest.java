package dev.firebreak.stories.virality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExposureTest {
    private final Kernel kernel = new Kernel(300, 0.242);

    @Test
    void binnedSumStaysWithinTwoPercentOfTheExactOneAndBinsStayFew() {
        Random random = new Random(7);
        for (int story = 0; story < 20; story++) {
            int n = 50 + random.nextInt(5000);
            double[] t = new double[n];
            double[] w = new double[n];
            Exposure e = new Exposure(kernel, 0.1);
            double latest = 0;
            for (int i = 0; i < n; i++) {
                // mostly in order over 6 h, with some late-arriving (out-of-order) reshares
                t[i] = Math.max(0, 21_600 * Math.pow((i + 1.0) / n, 2) - (random.nextInt(10) == 0 ? random.nextInt(900) : 0));
                w[i] = Math.max(1, Math.exp(5 + 2 * random.nextGaussian()));
                e.add(t[i], w[i]);
                latest = Math.max(latest, t[i]);
                if (i % 37 != 0 && i != n - 1) continue;
                for (double now : new double[] {latest, latest + 60, 86_400}) { // as the forecast asks
                    double exact = 0;
                    for (int j = 0; j <= i; j++) exact += w[j] * kernel.cumulative(now - t[j]);
                    assertEquals(exact, e.at(now), 0.02 * exact + 1e-9, "story " + story + " share " + i + " at " + now);
                }
            }
            assertTrue(e.bins() < 200, "bins: " + e.bins() + " for " + n + " shares");
        }
    }
}
