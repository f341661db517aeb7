package dev.firebreak.tools.evaluation;

import dev.firebreak.analysis.FirstScorer;
import dev.firebreak.core.Analysis;
import dev.firebreak.core.Mention;
import dev.firebreak.stories.StoryAssigner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How well stories gather incidents on the labelled incident set. The mentions arrive as a crawler
 * delivers them: in event-time order, each delayed by up to {@link #MAX_LAG_HOURS} (seeded), so
 * replies may come before their originals and reports before the complaint they are about; they go
 * through one {@link StoryAssigner} in batches of {@link #BATCH}, with the root links of earlier
 * batches kept as the store would keep them. Each is first scored by {@code scorer} (its entities,
 * complaint types and polarity). Figures: pairwise precision, recall and F1 over all pairs of mentions;
 * incidents kept whole (of those with two or more mentions, how many are in one story); and the worst
 * incident's foreign share (in the story holding most of an incident, the share of other incidents'
 * mentions).
 */
public final class IncidentEvaluation {
    static final int BATCH = 20;
    static final double MAX_LAG_HOURS = 6;

    /** The figures; {@code worstIncident} is the incident whose largest story is most foreign. */
    public record Result(int mentions, int incidents, long truePairs, long falsePairs, long missedPairs,
                         int whole, int multi, double worstForeignShare, String worstIncident,
                         Map<String, String> storyOf) {
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

        public double wholeShare() {
            return multi == 0 ? 1 : (double) whole / multi;
        }
    }

    private IncidentEvaluation() { }

    /** One line of figures, as {@code bench incidents} and the held-out test print them. */
    public static void print(String part, String how, Result r) {
        System.out.printf(java.util.Locale.ROOT, "incidents %s %-15s mentions=%d incidents=%d P=%.3f R=%.3f F1=%.3f "
                        + "(tp=%d fp=%d fn=%d) kept whole=%d/%d (%.1f%%) worst foreign share=%.1f%% (%s)%n", part, how,
                r.mentions(), r.incidents(), r.precision(), r.recall(), r.f1(), r.truePairs(), r.falsePairs(), r.missedPairs(),
                r.whole(), r.multi(), 100 * r.wholeShare(), 100 * r.worstForeignShare(), r.worstIncident());
    }

    /**
     * {@code byTopic} false: the assigner gets only each mention's sentiment label, as the story stage
     * gave it before incidents, so it joins by wording and repost trees only (the bigram baseline).
     */
    public static Result evaluate(List<IncidentSet.Labelled> set, StoryAssigner assigner, FirstScorer scorer,
                                  boolean byTopic, long seed) {
        List<IncidentSet.Labelled> arrivals = arrivalOrder(set, seed);
        Map<String, String> links = new HashMap<>();
        Map<String, String> storyOf = new HashMap<>();
        for (int from = 0; from < arrivals.size(); from += BATCH) {
            List<IncidentSet.Labelled> part = arrivals.subList(from, Math.min(arrivals.size(), from + BATCH));
            List<Mention> batch = part.stream().map(IncidentSet.Labelled::mention).toList();
            Map<String, String> known = new HashMap<>();
            for (String root : StoryAssigner.roots(batch)) {
                if (links.containsKey(root)) known.put(root, links.get(root));
            }
            List<Analysis> analyses = new ArrayList<>();
            for (Mention m : batch) analyses.add(scorer.analyse(m.text()));
            StoryAssigner.Assignment a = byTopic ? assigner.assignAnalysed(batch, analyses, known)
                    : assigner.assign(batch, analyses.stream().map(Analysis::label).toList(), known);
            links.putAll(a.newLinks());
            for (int i = 0; i < batch.size(); i++) storyOf.put(batch.get(i).key(), a.storyIds().get(i));
        }
        return figures(set, storyOf);
    }

    /**
     * What went wrong, for tuning on dev: each incident split over stories or sharing one with another
     * incident, its mentions listed with the story each went to ({@code *} marks another incident's).
     */
    public static void explain(List<IncidentSet.Labelled> set, Result r, java.io.PrintStream out) {
        Map<String, List<IncidentSet.Labelled>> byStory = new java.util.LinkedHashMap<>();
        Map<String, List<IncidentSet.Labelled>> byIncident = new java.util.LinkedHashMap<>();
        for (IncidentSet.Labelled l : set) {
            byStory.computeIfAbsent(r.storyOf().get(l.mention().key()), k -> new ArrayList<>()).add(l);
            byIncident.computeIfAbsent(l.incident(), k -> new ArrayList<>()).add(l);
        }
        for (var e : byIncident.entrySet()) {
            java.util.Set<String> stories = new java.util.LinkedHashSet<>();
            e.getValue().forEach(l -> stories.add(r.storyOf().get(l.mention().key())));
            boolean mixed = stories.stream().anyMatch(st -> byStory.get(st).stream().anyMatch(l -> !l.incident().equals(e.getKey())));
            if (stories.size() == 1 && !mixed) continue;
            out.println("== " + e.getKey() + (stories.size() > 1 ? " split over " + stories.size() : "") + (mixed ? " mixed" : ""));
            for (String st : stories) {
                for (IncidentSet.Labelled l : byStory.get(st)) {
                    String mark = l.incident().equals(e.getKey()) ? " " : "*";
                    out.printf("  %s %-10s %-4s %s%n", mark, Integer.toHexString(st.hashCode() & 0xffff), l.incident(), l.mention().text());
                }
            }
        }
    }

    static List<IncidentSet.Labelled> arrivalOrder(List<IncidentSet.Labelled> set, long seed) {
        Random random = new Random(seed);
        Map<IncidentSet.Labelled, Double> arrival = new HashMap<>();
        for (IncidentSet.Labelled l : set) {
            arrival.put(l, l.mention().createdAt().toInstant().toEpochMilli() + random.nextDouble() * MAX_LAG_HOURS * 3_600_000);
        }
        List<IncidentSet.Labelled> out = new ArrayList<>(set);
        out.sort(Comparator.comparingDouble(arrival::get));
        return out;
    }

    static Result figures(List<IncidentSet.Labelled> set, Map<String, String> storyOf) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < set.size(); i++) {
            for (int j = i + 1; j < set.size(); j++) {
                boolean same = set.get(i).incident().equals(set.get(j).incident());
                boolean joined = storyOf.get(set.get(i).mention().key()).equals(storyOf.get(set.get(j).mention().key()));
                if (same && joined) tp++;
                else if (joined) fp++;
                else if (same) fn++;
            }
        }
        Map<String, Map<String, Integer>> storiesOfIncident = new HashMap<>();
        Map<String, Integer> storySize = new HashMap<>();
        for (IncidentSet.Labelled l : set) {
            String story = storyOf.get(l.mention().key());
            storiesOfIncident.computeIfAbsent(l.incident(), k -> new HashMap<>()).merge(story, 1, Integer::sum);
            storySize.merge(story, 1, Integer::sum);
        }
        int whole = 0;
        int multi = 0;
        double worst = 0;
        String worstIncident = null;
        for (var e : storiesOfIncident.entrySet()) {
            int size = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            if (size > 1) {
                multi++;
                if (e.getValue().size() == 1) whole++;
            }
            var largest = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            double foreign = 1 - (double) largest.getValue() / storySize.get(largest.getKey());
            if (foreign > worst) {
                worst = foreign;
                worstIncident = e.getKey();
            }
        }
        return new Result(set.size(), storiesOfIncident.size(), tp, fp, fn, whole, multi, worst, worstIncident, storyOf);
    }
}
