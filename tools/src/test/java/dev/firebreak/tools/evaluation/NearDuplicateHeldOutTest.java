package dev.firebreak.tools.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.stories.StoryAssigner;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Story joining on the labelled near-duplicate set: dev (the threshold was chosen on it) and the
 * held-out test part, run once after the threshold was fixed. Prints the figures that BENCHMARKS.md
 * quotes; the floors sit just under them, to catch a regression.
 */
class NearDuplicateHeldOutTest {
    private static NearDuplicateEvaluation.Result run(String name) throws Exception {
        Path file = Path.of(NearDuplicateHeldOutTest.class.getResource("/stories/" + name).toURI());
        NearDuplicateEvaluation.Result r = NearDuplicateEvaluation.evaluate(NearDuplicateEvaluation.read(file),
                StoryAssigner::withDefaults);
        System.out.printf(Locale.ROOT, "stories %s: posts=%d incidents=%d pairwise P=%.3f R=%.3f F1=%.3f "
                        + "(tp=%d fp=%d fn=%d) incidents with copies kept whole=%d/%d stories mixing incidents=%d%n",
                name, r.posts(), r.clusters(), r.precision(), r.recall(), r.f1(), r.truePairs(), r.falsePairs(),
                r.missedPairs(), r.wholeClusters(), r.clustersWithCopies(), r.wrongJoins());
        return r;
    }

    @Test
    void dev() throws Exception {
        NearDuplicateEvaluation.Result r = run("dev.tsv");
        assertTrue(r.f1() >= 0.90 && r.precision() >= 0.85 && r.recall() >= 0.97, "dev regressed");
    }

    @Test
    void heldOutTest() throws Exception {
        NearDuplicateEvaluation.Result r = run("test.tsv");
        assertTrue(r.f1() >= 0.83 && r.precision() >= 0.76 && r.recall() >= 0.91, "test regressed");
        assertTrue(r.wholeClusters() >= 45, "incidents kept whole regressed");
    }

    @Test
    void aBadLineIsRefusedWithItsPlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NearDuplicateEvaluation.parse("x.tsv", new StringReader("cluster\ttext\nc1\n")));
        assertEquals("x.tsv:2: expected cluster<TAB>text, got \"c1\"", e.getMessage());
    }

    @Test
    void pairwiseFiguresOnAHandCountedExample() {
        // Two incidents: a,a' copies (one pair) and b; the assigner joins a and a' only.
        List<NearDuplicateEvaluation.Example> ex = List.of(
                new NearDuplicateEvaluation.Example("1", "暖途T7空气炸锅用了三天就冒烟了，客服一直说在处理，退款也不给退"),
                new NearDuplicateEvaluation.Example("1", "转发：暖途T7空气炸锅用了三天就冒烟了，客服一直说在处理，退款也不给退"),
                new NearDuplicateEvaluation.Example("2", "轻屿奶茶的杨枝甘露里喝出一根长头发，店员说不可能"));
        NearDuplicateEvaluation.Result r = NearDuplicateEvaluation.evaluate(ex, StoryAssigner::withDefaults);
        assertEquals(new NearDuplicateEvaluation.Result(3, 2, 1, 0, 0, 1, 1, 0), r);
    }
}
