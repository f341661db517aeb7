package dev.firebreak.tools.bench;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Escalation;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.daemon.cli.Args;
import dev.firebreak.rules.file.BuiltinRules;
import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.file.RuleFile;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.file.RuleLoader;
import dev.firebreak.rules.model.RuleSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * {@code firebreak bench rules}: how much rule evaluation adds per mention with 200 rules loaded (the 7
 * built-in ones and 193 generated ones, most with a keyword query).
 */
final class RuleEngineBench {
    static final String HELP = """
            Usage: firebreak bench rules [--mentions N]

            Loads the built-in rules and 193 generated ones (keyword queries, sentiment, followers, story
            size and velocity, complaint types, for: and active: windows), then evaluates N generated scored
            mentions (default 50000) with their story facts through a fresh engine, three rounds, and
            prints the best round's microseconds per mention and the decisions per mention.
            """;
    private static final String[] WORDS = {"退款", "售后", "客服", "漏水", "冒烟", "发货", "物流", "假货", "广告", "质量",
            "空气炸锅", "扫地机", "耳机", "手机", "充电", "电池", "爆炸", "起火", "过敏", "价格"};
    private static final String[] COMPLAINTS = {"refund", "quality", "service", "delivery", "price", "safety"};

    private static RuleSet rules200() throws RuleFileException {
        Random r = new Random(42);
        StringBuilder y = new StringBuilder("rules:\n");
        for (int i = 0; i < 193; i++) {
            String a = WORDS[r.nextInt(WORDS.length)];
            String b = WORDS[r.nextInt(WORDS.length)];
            String c = WORDS[r.nextInt(WORDS.length)];
            y.append("  - id: gen-").append(i).append('\n');
            if (i % 5 != 0) {
                y.append("    match: '(").append(a).append(" OR ").append(b).append(") AND NOT ").append(c).append("'\n");
            }
            y.append("    when: {label: negative, negative: \">= ").append(0.5 + r.nextInt(5) / 10.0).append('"');
            switch (i % 4) {
                case 0 -> y.append(", author.followers: \">= ").append(1000 * (1 + r.nextInt(500))).append('"');
                case 1 -> y.append(", story.size: \">= ").append(5 + r.nextInt(200)).append('"');
                case 2 -> y.append(", complaint: [").append(COMPLAINTS[r.nextInt(COMPLAINTS.length)]).append(", ")
                        .append(COMPLAINTS[r.nextInt(COMPLAINTS.length)]).append(']');
                default -> y.append(", story.velocity1h: \">= ").append(1 + r.nextInt(50)).append("\", story.negativeShare: \"> 0.3\"");
            }
            y.append("}\n    severity: P").append(1 + r.nextInt(4)).append('\n');
            y.append("    notify: [agents]\n    group: ").append(new String[] {"story", "author", "rule"}[i % 3]).append('\n');
            if (i % 7 == 0) y.append("    for: 10m\n");
            if (i % 11 == 0) y.append("    active: {hours: \"08:00-22:00\"}\n");
        }
        return new RuleLoader(BuiltinRules.CHANNELS, MatchCompiler.queries())
                .load(List.of(BuiltinRules.file(), new RuleFile("gen.yaml", y.toString())));
    }

    private RuleEngineBench() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("bench rules", argv, 2, Set.of("mentions"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        RuleSet set = rules200();
        if (set.rules().size() != 200) throw new IllegalStateException("expected 200 rules, loaded " + set.rules().size());
        Random r = new Random(1);
        int n = Args.positiveInt("bench rules", "--mentions", args.get("mentions"), 50_000);
        List<ScoredMention> mentions = new ArrayList<>(n);
        List<StoryFacts> facts = new ArrayList<>(n);
        List<Instant> times = new ArrayList<>(n);
        Instant t = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) text.append(WORDS[r.nextInt(WORDS.length)]).append(w % 3 == 2 ? "，" : "");
            boolean neg = r.nextDouble() < 0.35;
            Instant at = t.plusMillis(i * 150L);
            Mention m = new Mention(Platform.WEIBO, "m" + i, Kind.POST, text.toString(), at.atOffset(ZoneOffset.ofHours(8)),
                    new Author("u" + r.nextInt(50_000), "用户", (long) Math.pow(10, 1 + r.nextDouble() * 5), r.nextInt(50) == 0,
                            r.nextInt(50) == 0 ? "media" : null), null, null, null, Metrics.ZERO);
            Escalation esc = r.nextInt(200) == 0 ? new Escalation(r.nextBoolean() ? "threat" : "filed", List.of("12315")) : null;
            mentions.add(new ScoredMention(m, new Analysis(neg ? Sentiment.NEGATIVE : Sentiment.NEUTRAL,
                    neg ? 0.5 + r.nextDouble() / 2 : r.nextDouble() / 2, "angry",
                    neg ? List.of(COMPLAINTS[r.nextInt(COMPLAINTS.length)]) : List.of(), esc, List.of(), "t"),
                    "story-" + r.nextInt(20_000)));
            facts.add(new StoryFacts(1 + r.nextInt(300), r.nextInt(60), r.nextInt(21) - 10, r.nextInt(1_000_000),
                    r.nextInt(3), 0, r.nextBoolean() ? Double.NaN : r.nextInt(5000), r.nextDouble(), 0, 0));
            times.add(at);
        }
        long decisions = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            AlertEngine engine = new AlertEngine(set);
            long start = System.nanoTime();
            decisions = 0;
            for (int i = 0; i < n; i++) {
                decisions += engine.evaluate(mentions.get(i), facts.get(i), times.get(i)).size();
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) n);
        }
        System.out.printf(Locale.ROOT, "rule evaluation, 200 rules: %.1f µs per mention (best of 3 rounds over %,d mentions; "
                + "%.2f decisions per mention)%n", best / 1000, n, decisions / (double) n);
        return 0;
    }
}
