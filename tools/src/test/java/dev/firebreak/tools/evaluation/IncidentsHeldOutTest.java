package dev.firebreak.tools.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.analysis.FirstScorer;
import dev.firebreak.analysis.entities.BrandDictionary;
import dev.firebreak.analysis.model.SentimentModel;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.stories.StoryAssigner;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incident joining on the labelled incident set: the targets of issue 15 on the held-out test part
 * (pairwise F1 at least 0.90, at least 90 % of incidents kept whole, no incident's story more than 5 %
 * foreign), and on dev (where the threshold was chosen) the same; floors on the parts written later by
 * other writers (holdout, final), where the targets are not met; the bigram baseline beside it, which
 * must stay below (the set is not one that wording alone solves).
 */
class IncidentsHeldOutTest {
    private static Path dir;
    private static FirstScorer scorer;
    private static BrandAccounts brand;

    @BeforeAll
    static void load() throws Exception {
        dir = Path.of(IncidentsHeldOutTest.class.getResource("/incidents/dev.tsv").toURI()).getParent();
        scorer = FirstScorer.load(SentimentModel.load(), BrandDictionary.load(dir.resolve("brands.txt")));
        brand = IncidentSet.brandAccounts(dir.resolve("brand-accounts.txt"));
    }

    private static IncidentEvaluation.Result run(String part, boolean byTopic) throws Exception {
        IncidentEvaluation.Result r = IncidentEvaluation.evaluate(IncidentSet.read(dir.resolve(part)),
                StoryAssigner.withDefaults(brand), scorer, byTopic, 1);
        IncidentEvaluation.print(part, byTopic ? "topic+wording" : "bigram baseline", r);
        return r;
    }

    private static void assertTargets(IncidentEvaluation.Result r) {
        assertTrue(r.f1() >= 0.90, "pairwise F1 " + r.f1());
        assertTrue(r.wholeShare() >= 0.90, "kept whole " + r.whole() + "/" + r.multi());
        assertTrue(r.worstForeignShare() <= 0.05, "incident " + r.worstIncident() + " is " + r.worstForeignShare() + " foreign");
    }

    @Test
    void testPartMeetsTheTargets() throws Exception {
        assertTargets(run("test.tsv", true));
    }

    @Test
    void testPartHoldsWhatWasMeasuredInOtherArrivalOrders() throws Exception {
        // Floors just under the figures measured with arrival seeds 2 and 3 (BENCHMARKS.md): the order in
        // which a crawler delivers the posts moves a few incidents, never mixes two.
        for (long seed : new long[] {2, 3}) {
            IncidentEvaluation.Result r = IncidentEvaluation.evaluate(IncidentSet.read(dir.resolve("test.tsv")),
                    StoryAssigner.withDefaults(brand), scorer, true, seed);
            assertTrue(r.f1() >= 0.95 && r.whole() >= 27 && r.worstForeignShare() <= 0.05, "seed " + seed + ": " + r);
        }
    }

    @Test
    void holdoutHoldsWhatWasMeasured() throws Exception {
        // A second writer's part, looked at while the senses' threshold was chosen (README.md). Issue 15's
        // targets are not met there (F1 0.80, 19 of 42 whole, 0 % foreign: BENCHMARKS.md); these floors,
        // just under the measured figures, catch a regression.
        IncidentEvaluation.Result r = run("holdout.tsv", true);
        assertTrue(r.precision() >= 0.98 && r.f1() >= 0.78 && r.whole() >= 18 && r.worstForeignShare() <= 0.05, "holdout regressed: " + r);
    }

    @Test
    void finalPartHoldsWhatWasMeasured() throws Exception {
        // The part nobody has tuned on or looked into (a fourth writer, run once for its totals): F1 0.66,
        // 10 of 46 whole, one look-alike's story 86 % another incident's (BENCHMARKS.md). Floors just
        // under the measured figures; the targets are far off.
        IncidentEvaluation.Result r = run("final.tsv", true);
        assertTrue(r.precision() >= 0.95 && r.f1() >= 0.64 && r.whole() >= 9, "final regressed: " + r);
    }

    @Test
    void devMeetsTheTargets() throws Exception {
        assertTargets(run("dev.tsv", true));
    }

    @Test
    void theBigramBaselineFallsShortOnTheSameSet() throws Exception {
        IncidentEvaluation.Result topic = run("test.tsv", true);
        IncidentEvaluation.Result bigrams = run("test.tsv", false);
        assertTrue(bigrams.recall() < topic.recall() && bigrams.f1() < 0.90, "baseline " + bigrams);
    }

    @Test
    void theFiguresOnAHandCountedExample() {
        // Incident a: three mentions, the story holding two of them also holds b's one mention; a's third is alone.
        var set = List.of(labelled("a", "1"), labelled("a", "2"), labelled("a", "3"), labelled("b", "4"));
        var r = IncidentEvaluation.figures(set, Map.of("weibo:1", "s", "weibo:2", "s", "weibo:3", "t", "weibo:4", "s"));
        assertEquals(1, r.truePairs());
        assertEquals(2, r.falsePairs());
        assertEquals(2, r.missedPairs());
        assertEquals(0, r.whole());
        assertEquals(1, r.multi());
        assertEquals(2.0 / 3, r.worstForeignShare(), 1e-9, "b's story is two thirds a's");
        assertEquals("b", r.worstIncident());
    }

    @Test
    void aBadLineIsRefusedWithItsPlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IncidentSet.parse("x.tsv", new StringReader(IncidentSet.HEADER + "\n1\ta\tcomplaint\n")));
        assertTrue(e.getMessage().startsWith("x.tsv:2: expected 12 TAB-separated fields"), e.getMessage());
    }

    private static IncidentSet.Labelled labelled(String incident, String id) {
        return new IncidentSet.Labelled(incident, "complaint", new dev.firebreak.core.Mention(dev.firebreak.core.Platform.WEIBO, id,
                dev.firebreak.core.Kind.POST, "text " + id, java.time.OffsetDateTime.parse("2026-11-02T09:00:00+08:00"),
                new dev.firebreak.core.Author("u" + id, "u" + id, 1, false), null, null, null, null));
    }
}
