package dev.firebreak.tools.bench;

import dev.firebreak.analysis.FirstScorer;
import dev.firebreak.analysis.entities.BrandDictionary;
import dev.firebreak.analysis.model.SentimentModel;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.daemon.cli.Args;
import dev.firebreak.stories.StoryAssigner;
import dev.firebreak.tools.evaluation.IncidentEvaluation;
import dev.firebreak.tools.evaluation.IncidentSet;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code firebreak bench incidents}: incident joining on the labelled incident set, dev and test apart,
 * today's joining beside the bigram-only baseline.
 */
final class IncidentBench {
    static final String DEFAULT_SET = "tools/src/test/resources/incidents";
    private static final String HELP = """
            Usage: firebreak bench incidents [--set DIR] [--seed N] [--part dev|test|holdout|final] [--explain]

            Runs the labelled incident set (DIR, default tools/src/test/resources/incidents found walking up
            from the current folder: dev.tsv, test.tsv, holdout.tsv, final.tsv, brands.txt, brand-accounts.txt) through story
            assignment as a crawler delivers it (event-time order, each mention up to 6 h late, seeded by N,
            default 1) and prints, for each part apart, pairwise precision / recall / F1, incidents kept
            whole and the worst incident's foreign share: joining by topic and wording (today) and by wording
            and repost trees only (the bigram baseline). --part runs one part only (tune on dev);
            --explain lists, for today's joining, each incident split over stories or mixed with another.
            """;

    private IncidentBench() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("bench incidents", argv, 2, java.util.Set.of("set", "seed", "part", "explain"), java.util.Set.of("explain"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        Path dir = args.get("set") != null ? Path.of(args.get("set")) : find();
        if (dir == null || !Files.isRegularFile(dir.resolve("dev.tsv"))) {
            throw new Args.UsageException("bench incidents: no incident set (dev.tsv) in "
                    + (dir == null ? DEFAULT_SET + " of the current folder or a parent" : dir) + "; give it with --set DIR");
        }
        long seed = Long.parseLong(args.get("seed") == null ? "1" : args.get("seed"));
        FirstScorer scorer = FirstScorer.load(SentimentModel.load(), BrandDictionary.load(dir.resolve("brands.txt")));
        BrandAccounts brand = IncidentSet.brandAccounts(dir.resolve("brand-accounts.txt"));
        String only = args.get("part");
        for (String part : only == null ? new String[] {"dev.tsv", "test.tsv", "holdout.tsv", "final.tsv"} : new String[] {only + ".tsv"}) {
            if (only == null && !Files.isRegularFile(dir.resolve(part))) continue;
            var set = IncidentSet.read(dir.resolve(part));
            var topic = IncidentEvaluation.evaluate(set, StoryAssigner.withDefaults(brand), scorer, true, seed);
            IncidentEvaluation.print(part, "topic+wording", topic);
            if (args.flag("explain")) IncidentEvaluation.explain(set, topic, System.out);
            IncidentEvaluation.print(part, "bigram baseline", IncidentEvaluation.evaluate(set, StoryAssigner.withDefaults(brand), scorer, false, seed));
        }
        return 0;
    }

    private static Path find() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(DEFAULT_SET))) return d.resolve(DEFAULT_SET);
        }
        return null;
    }
}
