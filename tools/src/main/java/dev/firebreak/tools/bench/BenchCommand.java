package dev.firebreak.tools.bench;

import dev.firebreak.daemon.bench.MentionGenerator;
import dev.firebreak.daemon.cli.Args;
import dev.firebreak.daemon.cli.OfflineReplay;
import dev.firebreak.daemon.cli.ToolCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code firebreak bench}: generates mentions, replays them through the whole path (Redis, lexicon,
 * Lucene on disk, rule, alert record, feed) and prints throughput and arrival-to-alert latency.
 */
public final class BenchCommand implements ToolCommand {
    static final String HELP = """
            Usage: firebreak bench [--mentions N] [--seed S]
                   firebreak bench analysis --help     (the analysis stage: first scores and CoreNLP)
                   firebreak bench stories --help      (story assignment and forecast over a 1M-mention history)
                   firebreak bench incidents --help    (incident joining on the labelled incident set)
                   firebreak bench virality --help     (the virality forecast: held-out error and speed)
                   firebreak bench escalation --help   (escalation and complaint readers, one thread)
                   firebreak bench rules --help        (rule evaluation with 200 rules loaded)
                   firebreak bench query --help        (200 keyword queries matched per mention)

            Writes N generated mentions (default 100000) to a temporary file, replays them through the
            whole pipeline at full speed on a private Redis and a fresh index, and prints mentions/s and
            the p50/p99 latency from a mention's arrival (its poll returning) to its alert on the feed.
            """;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public int run(String[] argv) throws Exception {
        if (argv.length > 1 && argv[1].equals("analysis")) {
            return AnalysisBench.run(argv);
        }
        if (argv.length > 1 && argv[1].equals("stories")) {
            return StoryBench.run(argv);
        }
        if (argv.length > 1 && argv[1].equals("incidents")) {
            return IncidentBench.run(argv);
        }
        if (argv.length > 1 && argv[1].equals("virality")) {
            return ViralityBench.run(argv);
        }
        if (argv.length > 1 && argv[1].equals("escalation")) {
            return EscalationBench.run(argv);
        }
        if (argv.length > 1 && argv[1].equals("rules")) {
            return RuleEngineBench.run(argv);
        }
        if (argv.length > 1 && argv[1].equals("query")) {
            return QueryMatcherBench.run(argv);
        }
        if (argv.length > 1 && !argv[1].startsWith("-")) {
            throw new Args.UsageException("bench: unknown benchmark \"" + argv[1]
                    + "\" (expected analysis, stories, incidents, virality, escalation, rules or query; none for the end-to-end run)");
        }
        Args args = new Args("bench", argv, 1, Set.of("mentions", "seed"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        int n = Integer.parseInt(args.get("mentions") == null ? "100000" : args.get("mentions"));
        long seed = Long.parseLong(args.get("seed") == null ? "1" : args.get("seed"));
        Path file = Files.createTempFile("firebreak-bench-", ".jsonl");
        try {
            MentionGenerator.write(file, n, seed);
            long[] latencies = new long[n];
            AtomicInteger alerts = new AtomicInteger();
            OfflineReplay.Summary s = OfflineReplay.run(file, null, null,
                    (recorded, version) -> latencies[alerts.getAndIncrement()] = System.nanoTime() - version.arrivalNanos(),
                    p -> System.err.println(p), "bench");
            long[] sorted = Arrays.copyOf(latencies, alerts.get());
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "mentions: %d  time: %.2f s  throughput: %.0f mentions/s%n",
                    s.mentions(), s.seconds(), s.mentions() / s.seconds());
            System.out.printf(Locale.ROOT, "alerts: %d  arrival->alert latency p50: %.1f ms  p99: %.1f ms%n",
                    sorted.length, pct(sorted, 0.50), pct(sorted, 0.99));
        } finally {
            Files.deleteIfExists(file);
        }
        return 0;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
