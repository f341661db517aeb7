package dev.firebreak.daemon.cli;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.store.MentionStore;
import dev.firebreak.daemon.alerting.Backtest;
import dev.firebreak.progress.Progress;
import dev.firebreak.daemon.alerting.RuleFolder;
import dev.firebreak.daemon.alerting.RuleSets;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.ConfigLoader;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.model.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code firebreak rules check DIR} and {@code firebreak rules backtest DIR --since 7d}. */
final class RulesCommand {
    static final String HELP = """
            Usage: firebreak rules check DIR [--config FILE]
                   firebreak rules backtest DIR [--since 7d] [--data DIR] [--config FILE] [--out FILE.json]

            check     validates every rule file in DIR (with the built-in pack) and prints every
                      problem as file:line:col: message; exit 1 if there is any. Channel names are
                      checked against the built-in audiences (agents, supervisor, pr-oncall) and the
                      channels of --config.
            backtest  runs the rules of DIR over the indexed history of the last --since (event time,
                      up to the newest mention; default 7d) from an empty alert state, and reports per
                      rule: alerts it would have fired, updates, alerts suppressed (cooldown, silence,
                      inhibition, hours, waiting for 'for'), stories, and the first alert time of each
                      story (in --out). Reads the index of --data (default: the config's dataDir, or
                      ./data) without locking it, so the daemon may keep running.
            """;

    private RulesCommand() { }

    static int run(String[] argv) throws Exception {
        if (argv.length < 2 || argv[1].equals("--help") || argv[1].equals("-h")) {
            System.out.print(HELP);
            return argv.length < 2 ? 2 : 0;
        }
        String sub = argv[1];
        Args args = new Args("rules " + sub, argv, 2, Set.of("config", "since", "data", "out"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        if (args.positional().size() != 1) throw new Args.UsageException("rules " + sub + ": give one rules folder");
        Path dir = Path.of(args.positional().get(0));
        FirebreakConfig config = args.get("config") == null ? null : ConfigLoader.load(Path.of(args.get("config")));
        AlertingConfig alerting = new AlertingConfig(dir, config == null ? List.of() : config.alerting().channels());
        RuleSet rules;
        try {
            rules = RuleSets.load(RuleSets.channels(alerting), new RuleFolder(dir).read());
        } catch (RuleFileException e) {
            e.problems().forEach(System.err::println);
            System.err.println("firebreak rules " + sub + ": " + e.problems().size() + " problem(s) in " + dir);
            return 1;
        }
        return switch (sub) {
            case "check" -> {
                rules.versions().forEach((id, v) -> System.out.println(id + "  version " + v));
                System.out.println(rules.rules().size() + " rules OK (built-in pack + " + dir + ")");
                yield 0;
            }
            case "backtest" -> backtest(rules, args, config);
            default -> throw new Args.UsageException("rules: unknown subcommand \"" + sub + "\" (expected check, backtest)");
        };
    }

    private static int backtest(RuleSet rules, Args args, FirebreakConfig config) throws Exception {
        long since = ViralityCommand.durationSeconds("rules backtest", "--since", args.get("since"), 7 * 86_400L);
        Path data = Path.of(args.get("data") != null ? args.get("data") : config != null ? config.dataDir().toString() : "./data");
        Path index = data.resolve("index");
        if (!Files.isDirectory(index)) throw new Args.UsageException("rules backtest: no index at " + index);
        long start = System.nanoTime();
        Backtest test = new Backtest(rules);
        try (MentionStore mentions = MentionIndex.openReadOnly(index)) {   // a running daemon may be writing it
            List<ScoredMention> newest = mentions.newest(1).hits();          // "now" is the newest mention's time
            long from = newest.isEmpty() ? Long.MIN_VALUE
                    : newest.get(0).mention().createdAt().toInstant().toEpochMilli() - since * 1000;
            long total = mentions.search("", from, Long.MAX_VALUE, 0).total();
            try (Progress progress = Progress.start("rules backtest", total, System.err)) {
                mentions.scan(from, Long.MAX_VALUE, m -> {
                    test.accept(m);
                    progress.step();
                });
            }
        }
        List<Backtest.RuleReport> report = test.report();
        System.out.printf(Locale.ROOT, "%,d mentions in %.1f s; rules: %d%n", test.mentions(), (System.nanoTime() - start) / 1e9,
                report.size());
        System.out.printf(Locale.ROOT, "%-36s %8s %8s %8s %8s  %s%n", "rule", "matched", "owned", "joined", "stories",
                "muted by");
        for (Backtest.RuleReport r : report) {
            System.out.printf(Locale.ROOT, "%-36s %8d %8d %8d %8d  %s%n", r.ruleId(), r.matched(), r.owned(), r.joined(),
                    r.firstAlerts().size(), mutedBy(r.muted()));
        }
        if (args.get("out") != null) {
            Files.writeString(Path.of(args.get("out")), FirebreakJson.write(report));
        }
        return 0;
    }

    /** {@code silenced s-1 (维修期间) ×3, cooldown ×2}, or {@code -}. */
    static String mutedBy(List<dev.firebreak.daemon.alerting.RuleCounts.Muted> muted) {
        if (muted.isEmpty()) return "-";
        List<String> parts = new java.util.ArrayList<>();
        for (var m : muted) {
            parts.add(m.why() + (m.by() == null ? "" : " " + m.by()) + (m.reason() == null ? "" : " (" + m.reason() + ")")
                    + " ×" + m.count());
        }
        return String.join(", ", parts);
    }
}
