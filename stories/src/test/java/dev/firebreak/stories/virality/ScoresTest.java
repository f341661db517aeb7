package dev.firebreak.stories.virality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {
    @Test
    void msleOfFinalsAndIncrementsByHand() {
        double[] predicted = {1, 3, 7};
        double[] actual = {1, 7, 3};
        // log2(x+1): 1, 2, 3 against 1, 3, 2 -> errors 0, -1, 1
        assertEquals(2.0 / 3, Scores.msle(predicted, actual), 1e-12);
        // increments over observed 1: 0, 2, 6 against 0, 6, 2 -> log2: 0, log2 3, log2 7
        double d = Math.log(7.0 / 3) / Math.log(2); // 1.2224
        assertEquals(2 * d * d / 3, Scores.incrementMsle(predicted, actual, new double[] {1, 1, 1}), 1e-12);
        assertEquals(0.99616, Scores.incrementMsle(predicted, actual, new double[] {1, 1, 1}), 1e-5);
    }

    @Test
    void growthFactorAndCoverage() {
        // k = 3 makes both exact: 3*1 = 3, 3*3 = 9
        assertEquals(3.0, Scores.growthFactor(new double[] {1, 3}, new double[] {3, 9}), 1e-6);
        assertEquals(1.0, Scores.growthFactor(new double[] {5, 5}, new double[] {5, 4}), 1e-6); // k >= 1
        assertEquals(0.5, Scores.coverage(new double[] {1, 1}, new double[] {2, 2}, new double[] {2, 3}), 1e-12);
    }

    @Test
    void weightedQuantile() {
        List<double[]> pairs = List.of(new double[] {3, 1}, new double[] {1, 1}, new double[] {2, 2});
        assertEquals(1.0, Scores.weightedQuantile(pairs, 0.10));
        assertEquals(2.0, Scores.weightedQuantile(pairs, 0.5));
        assertEquals(3.0, Scores.weightedQuantile(pairs, 0.90));
    }

    @Test
    void holdOutIsDeterministicAndThirtyPercentPerSource() {
        List<Cascade> cascades = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) cascades.add(new Cascade("" + i, "weibo", -1, new long[0], new long[0]));
        for (int i = 0; i < 20; i++) cascades.add(new Cascade("tw_auspol_" + i, "auspol", 5, new long[0], new long[0]));
        var held = HoldOut.ids(cascades);
        assertEquals(3 + 6, held.size());
        assertEquals(3, held.stream().filter(id -> !id.startsWith("tw_")).count());
        List<Cascade> reversed = new java.util.ArrayList<>(cascades);
        java.util.Collections.reverse(reversed);
        assertEquals(held, HoldOut.ids(reversed));
        assertEquals(0xaf63dc4c8601ec8cL, HoldOut.fnv1a("a")); // the published FNV-1a 64 test vector
    }
}
