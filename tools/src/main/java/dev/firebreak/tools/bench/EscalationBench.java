package dev.firebreak.tools.bench;

import dev.firebreak.analysis.complaint.ComplaintClassifier;
import dev.firebreak.analysis.escalation.EscalationDetector;
import dev.firebreak.daemon.cli.Args;
import dev.firebreak.tools.evaluation.EscalationEvaluation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code firebreak bench escalation}: the escalation detector and the complaint classifier together,
 * one thread, on ~60-char posts (the labelled dev posts of the escalation set joined in pairs).
 */
final class EscalationBench {
    static final String HELP = """
            Usage: firebreak bench escalation [--rounds R]

            Reads every post through the escalation detector and the complaint classifier on one thread,
            R times (default 1000) after 200 warm-up rounds, and prints texts/s. The posts are the labelled
            dev posts of the escalation set (escalation/dev.tsv in the tools jar) joined in pairs, so they
            run to ~60 chars like real ones.
            """;
    private static final String DEV = "/escalation/dev.tsv";

    private EscalationBench() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("bench escalation", argv, 2, Set.of("rounds"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        int rounds = Args.positiveInt("bench escalation", "--rounds", args.get("rounds"), 1_000);
        EscalationDetector detector = EscalationDetector.load();
        ComplaintClassifier classifier = ComplaintClassifier.load();
        List<String> texts = pairedDevPosts();
        long chars = texts.stream().mapToLong(String::length).sum();
        int sink = 0;
        for (int i = 0; i < 200; i++) for (String t : texts) sink += work(detector, classifier, t);
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) for (String t : texts) sink += work(detector, classifier, t);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "escalation+complaint throughput: %.0f texts/s on one thread (mean %.0f chars, sink %d)%n",
                rounds * texts.size() / seconds, (double) chars / texts.size(), sink);
        return 0;
    }

    private static List<String> pairedDevPosts() throws IOException {
        List<String> dev;
        try (InputStream in = EscalationBench.class.getResourceAsStream(DEV)) {
            if (in == null) throw new IOException(DEV + " is not on the class path");
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                dev = EscalationEvaluation.parse(DEV, reader).stream().map(EscalationEvaluation.Example::text).toList();
            }
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i + 1 < dev.size(); i += 2) texts.add(dev.get(i) + "。" + dev.get(i + 1));
        return texts;
    }

    private static int work(EscalationDetector detector, ComplaintClassifier classifier, String text) {
        return (detector.detect(text) == null ? 0 : 1) + classifier.classify(text).size();
    }
}
