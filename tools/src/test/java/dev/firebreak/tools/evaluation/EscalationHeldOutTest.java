package dev.firebreak.tools.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.analysis.escalation.EscalationDetector;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scores the detector on the labelled sets and guards the figures: the floors sit just below what was
 * measured when the detector was final (dev.tsv was tuned on; test.tsv was first run then, and not tuned on).
 */
class EscalationHeldOutTest {
    private static final EscalationDetector DETECTOR = EscalationDetector.load();

    private static EscalationEvaluation.Result run(String name) throws Exception {
        Path file = resource(name);
        EscalationEvaluation.Result result = EscalationEvaluation.evaluate(DETECTOR, EscalationEvaluation.read(file));
        System.out.println("escalation " + name + ": " + result.summary());
        return result;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EscalationHeldOutTest.class.getResource("/escalation/" + name).toURI());
    }

    private static void floors(EscalationEvaluation.Result r, double precision, double recall, double f1,
            double accuracy, double channelPrecision, double channelRecall) {
        assertTrue(r.precision() >= precision, r.summary());
        assertTrue(r.recall() >= recall, r.summary());
        assertTrue(r.f1() >= f1, r.summary());
        assertTrue(r.stageAccuracy() >= accuracy, r.summary());
        assertTrue(r.channelPrecision() >= channelPrecision, r.summary());
        assertTrue(r.channelRecall() >= channelRecall, r.summary());
    }

    @Test
    void devSet() throws Exception {
        EscalationEvaluation.Result r = run("dev.tsv");
        assertEquals(120, r.posts());
        floors(r, DEV[0], DEV[1], DEV[2], DEV[3], DEV[4], DEV[5]);
    }

    @Test
    void heldOutTestSet() throws Exception {
        EscalationEvaluation.Result r = run("test.tsv");
        floors(r, TEST[0], TEST[1], TEST[2], TEST[3], TEST[4], TEST[5]);
    }

    // P, R, F1, exact-stage accuracy, channel P, channel R
    // measured at commit 36d0dee: dev P .956 R .985 F1 .970 acc .958 ch P .959 R .986;
    // test (first and only run, no tuning after) P .857 R .876 F1 .867 acc .809 ch P .855 R .869
    private static final double[] DEV = {0.95, 0.98, 0.96, 0.95, 0.95, 0.98};
    private static final double[] TEST = {0.85, 0.87, 0.86, 0.80, 0.85, 0.86};

    @Test
    void countsAreMicroOverPostChannelPairs() throws Exception {
        List<EscalationEvaluation.Example> examples = EscalationEvaluation.parse("x.tsv", new StringReader(
                "stage\tchannels\ttext\n"
                        + "threat\t12315\t要去12315投诉\n"
                        + "filed\t12315,lawyer\t已经打了12315\n"
                        + "none\t-\t12315是什么\n"
                        + "none\t-\t我要去消协\n"));
        EscalationEvaluation.Result r = EscalationEvaluation.evaluate(DETECTOR, examples);
        assertEquals(2, r.truePositives());
        assertEquals(1, r.falsePositives());
        assertEquals(0, r.falseNegatives());
        assertEquals(3, r.exactStage());
        assertEquals(2, r.channelTruePositives());
        assertEquals(1, r.channelFalsePositives());
        assertEquals(1, r.channelFalseNegatives());
        assertEquals(2.0 / 3, r.precision(), 1e-9);
        assertEquals(0.75, r.stageAccuracy(), 1e-9);
    }

    @Test
    void malformedLinesFailWithFileAndLine() {
        String header = "stage\tchannels\ttext\n";
        assertMessage("x.tsv:1: ", "stage\ttext\n");
        assertMessage("x.tsv:3: ", header + "threat\t12315\t要去12315\nmaybe\t-\t好\n");
        assertMessage("x.tsv:2: ", header + "threat\t12316\t要去12315\n");
        assertMessage("x.tsv:2: ", header + "threat\t12315\n");
        assertMessage("x.tsv:2: ", header + "none\t12315\t12315是什么\n");
    }

    private static void assertMessage(String prefix, String tsv) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EscalationEvaluation.parse("x.tsv", new StringReader(tsv)));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
