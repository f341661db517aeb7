package dev.firebreak.daemon.alerting;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.stories.Stories;
import dev.firebreak.stories.StorySnapshot;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import dev.firebreak.rules.model.RuleSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules run over indexed history in event time, from an empty engine, as if live: each
 * mention's story (the one it was indexed with) is rebuilt as it grows, and every decision is
 * counted per rule. Mentions with the same time go in id order, so the same index gives the same
 * answer every time. Feed it with {@link #accept} in time order, then read {@link #report}.
 */
public final class Backtest {
    /**
     * What one rule would have done. {@code fired}: alerts it opened (as {@code owned}); {@code updates}: its
     * decisions that updated or joined an alert; {@code suppressed}: muted, by kind; {@code firstAlerts}: story
     * id -> time of its first alert; {@code matched}, {@code owned}, {@code joined}, {@code muted}: as
     * {@link RuleCounts.Counts} (muted by which silence, which alert).
     */
    public record RuleReport(String ruleId, long fired, long updates, Map<String, Long> suppressed,
                             Map<String, String> firstAlerts, long matched, long owned, long joined,
                             List<RuleCounts.Muted> muted) { }

    private final AlertEngine engine;
    private final Stories stories = Stories.inMemory(Stories.IN_MEMORY);
    private final Map<String, long[]> counts = new TreeMap<>();
    private final Map<String, Map<String, Long>> suppressed = new TreeMap<>();
    private final Map<String, Map<String, String>> firsts = new TreeMap<>();
    private final RuleCounts perRule = new RuleCounts();
    private final List<ScoredMention> sameInstant = new ArrayList<>();
    private long mentions;

    public Backtest(RuleSet rules) {
        this.engine = new AlertEngine(rules);
        rules.rules().forEach(r -> {
            counts.put(r.id(), new long[2]);
            suppressed.put(r.id(), new TreeMap<>());
            firsts.put(r.id(), new LinkedHashMap<>());
        });
    }

    public void accept(ScoredMention m) {
        if (!sameInstant.isEmpty() && !sameInstant.get(0).mention().createdAt().equals(m.mention().createdAt())) flush();
        sameInstant.add(m);
    }

    /** Mentions run so far (the ones waiting for their time's last mention included). */
    public long mentions() {
        flush();
        return mentions;
    }

    public List<RuleReport> report() {
        flush();
        List<RuleReport> out = new ArrayList<>();
        List<RuleCounts.Counts> tallies = perRule.report(List.copyOf(counts.keySet()));
        int i = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            RuleCounts.Counts t = tallies.get(i++);
            String id = e.getKey();
            out.add(new RuleReport(id, e.getValue()[0], e.getValue()[1], suppressed.get(id), firsts.get(id),
                    t.matched(), t.owned(), t.joined(), t.muted()));
        }
        return out;
    }

    private void flush() {
        sameInstant.sort(Comparator.comparing(ScoredMention::key));
        Map<String, StorySnapshot> now = stories.book().record(sameInstant);
        for (ScoredMention m : sameInstant) {
            mentions++;
            StorySnapshot story = m.storyId() == null ? null : now.getOrDefault(m.storyId(), stories.book().get(m.storyId()));
            for (Decision d : engine.evaluate(m, RuleStage.facts(m, story), m.mention().createdAt().toInstant())) {
                String rule = d.rule().id();
                perRule.count(d);
                switch (d.kind()) {
                    case FIRE -> {
                        counts.get(rule)[0]++;
                        firsts.get(rule).putIfAbsent(d.alert().storyId(), time(d.alert().firedAt()));
                    }
                    case UPDATE -> counts.get(rule)[1]++;
                    case SUPPRESSED -> suppressed.get(rule).merge(d.suppression().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
                }
            }
        }
        sameInstant.clear();
    }

    private static String time(OffsetDateTime t) {
        return t.toString();
    }
}
