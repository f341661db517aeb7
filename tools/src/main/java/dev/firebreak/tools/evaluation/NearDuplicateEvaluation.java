package dev.firebreak.tools.evaluation;

import dev.firebreak.analysis.text.WordListFile;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import dev.firebreak.stories.StoryAssigner;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How well stories join copies and keep different incidents apart, on a labelled TSV
 * ({@code cluster<TAB>text}: posts with the same cluster are one incident). Each post becomes an
 * original by its own account, a minute after the one before, and goes through a fresh
 * {@link StoryAssigner}; the figures are over pairs of posts.
 */
public final class NearDuplicateEvaluation {
    /** One labelled post. */
    public record Example(String cluster, String text) { }

    /**
     * Pairwise figures: precision (pairs put in one story that are one incident), recall (pairs of
     * one incident put in one story); {@code wholeClusters} is how many incidents with copies ended up
     * in exactly one story, {@code wrongJoins} how many stories mix incidents.
     */
    public record Result(int posts, int clusters, long truePairs, long falsePairs, long missedPairs,
                         int wholeClusters, int clustersWithCopies, int wrongJoins) {
        public double precision() {
            return truePairs + falsePairs == 0 ? 1 : (double) truePairs / (truePairs + falsePairs);
        }

        public double recall() {
            return truePairs + missedPairs == 0 ? 1 : (double) truePairs / (truePairs + missedPairs);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private NearDuplicateEvaluation() { }

    public static List<Example> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), r);
        }
    }

    static List<Example> parse(String name, Reader reader) throws IOException {
        List<Example> out = new ArrayList<>();
        for (WordListFile.Line line : WordListFile.lines(name, reader)) {
            String[] f = line.fields();
            if (out.isEmpty() && f.length == 2 && f[0].equals("cluster") && f[1].equals("text")) continue;
            if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
                throw new IllegalArgumentException(line.where() + "expected cluster<TAB>text, got \"" + line.text() + "\"");
            }
            out.add(new Example(f[0].strip(), f[1].strip()));
        }
        return out;
    }

    public static Result evaluate(List<Example> examples, Supplier<StoryAssigner> assigners) {
        StoryAssigner assigner = assigners.get();
        OffsetDateTime start = OffsetDateTime.parse("2026-11-20T09:00:00+08:00");
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            mentions.add(new Mention(Platform.WEIBO, "p" + i, Kind.POST, examples.get(i).text(), start.plusMinutes(i),
                    new Author("u" + i, "user" + i, 100, false), null, null, null, null));
        }
        List<String> stories = assigner.assign(mentions, Map.of()).storyIds();
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < examples.size(); i++) {
            for (int j = i + 1; j < examples.size(); j++) {
                boolean same = examples.get(i).cluster().equals(examples.get(j).cluster());
                boolean joined = stories.get(i).equals(stories.get(j));
                if (same && joined) tp++;
                else if (joined) fp++;
                else if (same) fn++;
            }
        }
        Map<String, java.util.Set<String>> storiesOfCluster = new HashMap<>();
        Map<String, java.util.Set<String>> clustersOfStory = new HashMap<>();
        Map<String, Integer> clusterSize = new HashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            String c = examples.get(i).cluster();
            storiesOfCluster.computeIfAbsent(c, k -> new java.util.HashSet<>()).add(stories.get(i));
            clustersOfStory.computeIfAbsent(stories.get(i), k -> new java.util.HashSet<>()).add(c);
            clusterSize.merge(c, 1, Integer::sum);
        }
        int withCopies = 0;
        int whole = 0;
        for (var e : storiesOfCluster.entrySet()) {
            if (clusterSize.get(e.getKey()) > 1) {
                withCopies++;
                if (e.getValue().size() == 1) whole++;
            }
        }
        int wrong = (int) clustersOfStory.values().stream().filter(c -> c.size() > 1).count();
        return new Result(examples.size(), storiesOfCluster.size(), tp, fp, fn, whole, withCopies, wrong);
    }
}
