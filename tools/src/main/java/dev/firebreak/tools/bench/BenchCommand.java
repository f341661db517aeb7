package dev.firebreak.tools.bench;

import dev.firebreak.daemon.bench.MentionGenerator;
import dev.firebreak.daemon.cli.Args;
import dev.firebreak.daemon.cli.OfflineReplay;
import dev.firebreak.daemon.cli.ToolCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code firebreak bench}: generates mentions, replays them through the whole path (Redis, lexicon,
 * Lucene on disk, rule, alert record, feed) and prints throughput and arrival-to-alert latency.
 */
public final class BenchCommand implements ToolCommand {
    static final String HELP = """
            Usage: firebreak bench [--mentions N] [--seed S] [--warmup W]
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
            First, in the same JVM, W other generated mentions (default 50000, at most N; seed S + 1000) are replayed
            the same way on a daemon of their own and not counted, so the measured run is the steady
            state of a running daemon, not the JIT compiling it; --warmup 0 measures a cold start.
            Throughput is over the replay, from the daemon being up to its last alert; the start is
            printed apart.
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
        Args args = new Args("bench", argv, 1, Set.of("mentions", "seed", "warmup"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        int n = Integer.parseInt(args.get("mentions") == null ? "100000" : args.get("mentions"));
        long seed = Long.parseLong(args.get("seed") == null ? "1" : args.get("seed"));
        int warmup = args.get("warmup") == null ? Math.min(50_000, n) : Integer.parseInt(args.get("warmup"));
        if (warmup > 0) {
            Run w = run(warmup, seed + 1000, "warm-up");
            System.err.printf(Locale.ROOT, "warm-up: %d mentions in %.2f s (%.0f mentions/s over the replay; not counted)%n",
                    w.summary.mentions(), w.summary.seconds(), w.summary.mentions() / w.summary.replaySeconds());
        }
        Run r = run(n, seed, "bench");
        OfflineReplay.Summary s = r.summary;
        long[] sorted = r.latencies;
        System.out.printf(Locale.ROOT, "mentions: %d  start: %.2f s  replay: %.2f s  throughput: %.0f mentions/s%n",
                s.mentions(), s.startSeconds(), s.replaySeconds(), s.mentions() / s.replaySeconds());
        System.out.printf(Locale.ROOT, "alerts: %d  arrival->alert latency p50: %.1f ms  p99: %.1f ms%n",
                sorted.length, pct(sorted, 0.50), pct(sorted, 0.99));
        System.out.println("pipeline worker, per stage (total over the run, share of the replay):");
        r.stageSeconds.forEach((stage, secs) -> System.out.printf(Locale.ROOT, "  %-16s %7.2f s  %5.1f %%%n",
                stage, secs, 100 * secs / s.replaySeconds()));
        return 0;
    }

    private record Run(OfflineReplay.Summary summary, long[] latencies, java.util.Map<String, Double> stageSeconds) { }

    /** One replay of {@code n} generated mentions on a daemon of its own; the latencies sorted. */
    private static Run run(int n, long seed, String task) throws Exception {
        Path file = Files.createTempFile("firebreak-bench-", ".jsonl");
        try {
            MentionGenerator.write(file, n, seed);
            java.util.List<Long> latencies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            java.util.Map<String, Double> stages = new java.util.LinkedHashMap<>();
            OfflineReplay.Summary s = OfflineReplay.run(file, null, null,
                    (recorded, version) -> latencies.add(System.nanoTime() - version.arrivalNanos()),
                    p -> System.err.println(p), task, meters -> {
                        for (var t : meters.find("firebreak.pipeline.stage").timers()) {
                            stages.put(t.getId().getTag("stage"), t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9);
                        }
                        var commit = meters.find("firebreak.pipeline.commit").timer();
                        if (commit != null) stages.put("(commits: " + commit.count() + ")", commit.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9);
                    });
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Run(s, sorted, stages);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
