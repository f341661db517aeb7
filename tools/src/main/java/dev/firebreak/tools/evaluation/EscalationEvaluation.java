package dev.firebreak.tools.evaluation;

import dev.firebreak.analysis.escalation.EscalationDetector;
import dev.firebreak.core.Escalation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores an {@link EscalationDetector} on a labelled TSV ({@code stage<TAB>channels<TAB>text} with the
 * header {@code stage\tchannels\ttext}; stage none|threat|filed; channels a comma list or {@code -}).
 *
 * <p>Stage detection counts threat-or-filed against none (precision, recall, F1); exact-stage accuracy
 * compares none/threat/filed as three classes; channel precision and recall are micro-averaged over
 * (post, channel) pairs. A malformed line fails with {@code FILE:LINE: what}.
 */
public final class EscalationEvaluation {
    static final String HEADER = "stage\tchannels\ttext";
    private static final Set<String> STAGES = Set.of("none", EscalationDetector.THREAT, EscalationDetector.FILED);

    private EscalationEvaluation() { }

    /** One labelled post; {@code line} is its 1-based line in the file. */
    public record Example(int line, String stage, List<String> channels, String text) {
        public Example {
            channels = List.copyOf(channels);
        }
    }

    /** One post the detector got wrong, for reading. */
    public record Miss(Example example, String stage, List<String> channels) {
        @Override
        public String toString() {
            return example.line() + ": expected " + example.stage() + " " + example.channels()
                    + ", got " + stage + " " + channels + "  " + example.text();
        }
    }

    /** The counts over one labelled set, and the figures made from them. */
    public record Result(int posts, int truePositives, int falsePositives, int falseNegatives, int exactStage,
            int channelTruePositives, int channelFalsePositives, int channelFalseNegatives, List<Miss> misses) {
        public Result {
            misses = List.copyOf(misses);
        }

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double stageAccuracy() {
            return ratio(exactStage, posts);
        }

        public double channelPrecision() {
            return ratio(channelTruePositives, channelTruePositives + channelFalsePositives);
        }

        public double channelRecall() {
            return ratio(channelTruePositives, channelTruePositives + channelFalseNegatives);
        }

        /** One line of figures, e.g. for a test log or a report. */
        public String summary() {
            return String.format(Locale.ROOT,
                    "posts=%d stage P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d) exact-stage accuracy=%.3f (%d/%d)"
                            + " channel P=%.3f R=%.3f (tp=%d fp=%d fn=%d)",
                    posts, precision(), recall(), f1(), truePositives, falsePositives, falseNegatives,
                    stageAccuracy(), exactStage, posts, channelPrecision(), channelRecall(),
                    channelTruePositives, channelFalsePositives, channelFalseNegatives);
        }

        private static double ratio(int numerator, int denominator) {
            return denominator == 0 ? 0 : (double) numerator / denominator;
        }
    }

    /** Reads a labelled TSV file (UTF-8). */
    public static List<Example> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        }
    }

    /** Parses a labelled TSV; {@code name} is the file name used in errors. Blank lines are skipped. */
    public static List<Example> parse(String name, Reader reader) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<Example> examples = new ArrayList<>();
        String header = in.readLine();
        if (header != null && header.startsWith("\uFEFF")) header = header.substring(1);
        if (!HEADER.equals(header)) {
            throw new IllegalArgumentException(name + ":1: expected the header 'stage<TAB>channels<TAB>text', got "
                    + (header == null ? "an empty file" : "'" + header + "'"));
        }
        int number = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) continue;
            examples.add(example(name, number, line));
        }
        return examples;
    }

    private static Example example(String name, int number, String line) {
        String where = name + ":" + number + ": ";
        String[] parts = line.split("\t", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(where + "expected 3 tab-separated fields (stage, channels, text), got "
                    + parts.length + ": '" + line + "'");
        }
        String stage = parts[0].strip();
        if (!STAGES.contains(stage)) {
            throw new IllegalArgumentException(where + "stage must be none, threat or filed, got '" + parts[0] + "'");
        }
        List<String> channels = new ArrayList<>();
        String list = parts[1].strip();
        if (!list.equals("-")) {
            Set<String> seen = new LinkedHashSet<>();
            for (String channel : list.split(",", -1)) {
                String c = channel.strip();
                if (!EscalationDetector.CHANNELS.contains(c)) {
                    throw new IllegalArgumentException(where + "unknown channel '" + c + "' (expected '-' or a comma list of "
                            + EscalationDetector.CHANNELS + ")");
                }
                if (!seen.add(c)) throw new IllegalArgumentException(where + "channel '" + c + "' listed twice");
            }
            channels.addAll(seen);
        }
        if (stage.equals("none") && !channels.isEmpty()) {
            throw new IllegalArgumentException(where + "a post with stage none has no channels ('-'), got '" + parts[1] + "'");
        }
        if (parts[2].isBlank()) throw new IllegalArgumentException(where + "empty text");
        return new Example(number, stage, channels, parts[2]);
    }

    /** Runs the detector over every example and counts. */
    public static Result evaluate(EscalationDetector detector, List<Example> examples) {
        int tp = 0, fp = 0, fn = 0, exact = 0, ctp = 0, cfp = 0, cfn = 0;
        List<Miss> misses = new ArrayList<>();
        for (Example example : examples) {
            Escalation got = detector.detect(example.text());
            String stage = got == null ? "none" : got.stage();
            List<String> channels = got == null ? List.of() : got.channels();
            boolean expected = !example.stage().equals("none"), predicted = got != null;
            if (expected && predicted) tp++;
            else if (predicted) fp++;
            else if (expected) fn++;
            if (stage.equals(example.stage())) exact++;
            for (String c : channels) {
                if (example.channels().contains(c)) ctp++;
                else cfp++;
            }
            for (String c : example.channels()) if (!channels.contains(c)) cfn++;
            if (!stage.equals(example.stage()) || !Set.copyOf(channels).equals(Set.copyOf(example.channels()))) {
                misses.add(new Miss(example, stage, channels));
            }
        }
        return new Result(examples.size(), tp, fp, fn, exact, ctp, cfp, cfn, misses);
    }

    /** Prints the figures for each labelled file given; {@code -v} first also lists every miss. */
    public static void main(String[] args) throws IOException {
        EscalationDetector detector = EscalationDetector.load();
        boolean verbose = args.length > 0 && args[0].equals("-v");
        for (int i = verbose ? 1 : 0; i < args.length; i++) {
            Result result = evaluate(detector, read(Path.of(args[i])));
            System.out.println(args[i] + ": " + result.summary());
            if (verbose) result.misses().forEach(m -> System.out.println("  " + m));
        }
    }
}
