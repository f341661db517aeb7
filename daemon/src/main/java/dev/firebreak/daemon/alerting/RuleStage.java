package dev.firebreak.daemon.alerting;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import dev.firebreak.stories.StorySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules over a batch: what the engine decides (fire, join, update, suppress) from each scored mention
 * and its story, in event time. Every decision is counted per rule ({@link #counts()}); the decisions one
 * mention makes about one alert become one outcome, to be recorded once, telling the union of the channels
 * of the rules that fired or joined it. A mention no rule matched still updates its story's open alert.
 */
public final class RuleStage {
    private final AlertEngine engine;
    private final RuleCounts counts = new RuleCounts();
    /** The brand's own accounts: their posts raise no complaint alert (set once the configuration is read). */
    private volatile dev.firebreak.core.BrandAccounts brand = dev.firebreak.core.BrandAccounts.NONE;

    public RuleStage(AlertEngine engine) {
        this.engine = engine;
    }

    /**
     * A fire or an update of one alert, with the event time of the mention that made it. {@code decision}:
     * the FIRE if there was one, else a raising join, else the first update (its alert is the alert as the mention left it);
     * {@code channels}: the channels now due (of the rules that fired or joined), each once.
     */
    public record Outcome(Decision decision, Instant at, List<String> channels) {
        public Outcome {
            channels = List.copyOf(channels);
        }

        public Outcome(Decision decision, Instant at) {
            this(decision, at, decision.notifyChannels());
        }

        /** A rule fired or joined: publish now, whatever the throttle says. */
        public boolean urgent() {
            return decision.kind() == Decision.Kind.FIRE || !channels.isEmpty();
        }

        /** A more severe rule joined: the alert's escalation may now follow that rule's policy. */
        public boolean raised() {
            return decision.raised();
        }
    }

    /** The fires and updates of a batch, in mention order; {@code stories} by story id. */
    public List<Outcome> evaluate(List<ScoredMention> batch, Map<String, StorySnapshot> stories) {
        List<Outcome> out = new ArrayList<>();
        for (ScoredMention m : batch) {
            StorySnapshot story = m.storyId() == null ? null : stories.get(m.storyId());
            Instant at = m.mention().createdAt().toInstant();
            StoryFacts facts = facts(m, story);
            Map<String, List<Decision>> byAlert = new LinkedHashMap<>();
            // The brand's own post matches no rule, but it is part of the incident: its open alert's
            // figures (and "the brand responded at") still move with it.
            List<Decision> decisions = brand.wrote(m.mention()) ? List.of() : engine.evaluate(m, facts, at);
            for (Decision d : decisions) {
                counts.count(d);
                if (d.kind() != Decision.Kind.SUPPRESSED) {
                    byAlert.computeIfAbsent(d.alert().id(), x -> new ArrayList<>(2)).add(d);
                }
            }
            byAlert.values().forEach(ds -> out.add(merged(ds, at)));
            engine.storyGrew(m, facts).ifPresent(d -> out.add(new Outcome(d, at, List.of())));
        }
        return out;
    }

    private static Outcome merged(List<Decision> ds, Instant at) {
        Decision lead = ds.get(0);
        Set<String> channels = new LinkedHashSet<>();
        for (Decision d : ds) {
            if (d.kind() == Decision.Kind.FIRE || (d.raised() && lead.kind() != Decision.Kind.FIRE)) lead = d;
            channels.addAll(d.notifyChannels());
        }
        return new Outcome(lead, at, new ArrayList<>(channels));
    }

    /** The rules' counts since start. */
    public RuleCounts counts() {
        return counts;
    }

    /** The brand's own accounts, whose posts the rules skip. */
    public void brandAccounts(dev.firebreak.core.BrandAccounts brand) {
        this.brand = brand;
    }

    /** Times a rule was muted (silence, inhibition, cooldown, {@code for}, hours). */
    public long suppressed() {
        return counts.muted();
    }

    /** What the rules may know of a mention's story; a mention with no story is a story of one. */
    public static StoryFacts facts(ScoredMention m, StorySnapshot s) {
        if (s == null) return StoryFacts.single(m);
        StorySnapshot.Signals g = s.signals();
        double predicted = s.forecast() == null ? Double.NaN : s.forecast().predictedFinal();
        return new StoryFacts(s.size(), g.velocity1h(), g.acceleration(), g.reach(), g.kols().size(),
                g.mediaOrGovernment().size(), predicted, g.negativeShare(), g.escalations().threats(),
                g.escalations().filed(), s.brandRespondedAt());
    }
}
