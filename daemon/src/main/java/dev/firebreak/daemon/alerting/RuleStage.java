package dev.firebreak.daemon.alerting;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import dev.firebreak.stories.StorySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rules over a batch: what the engine decides (fire, update, suppress) from each scored mention
 * and its story, in event time. Suppressions are counted here; fires and updates go on to be recorded.
 */
public final class RuleStage {
    private final AlertEngine engine;
    private final AtomicLong suppressed = new AtomicLong();
    /** The brand's own accounts: their posts raise no complaint alert (set once the configuration is read). */
    private volatile dev.firebreak.daemon.serviceclock.BrandPosts brandPosts = dev.firebreak.daemon.serviceclock.BrandPosts.NONE;

    public RuleStage(AlertEngine engine) {
        this.engine = engine;
    }

    /** A fire or an update, with the event time of the mention that made it. */
    public record Outcome(Decision decision, Instant at) { }

    /** The fires and updates of a batch, in mention order; {@code stories} by story id. */
    public List<Outcome> evaluate(List<ScoredMention> batch, Map<String, StorySnapshot> stories) {
        List<Outcome> out = new ArrayList<>();
        for (ScoredMention m : batch) {
            if (brandPosts.skip(m)) continue;
            StorySnapshot story = m.storyId() == null ? null : stories.get(m.storyId());
            Instant at = m.mention().createdAt().toInstant();
            for (Decision d : engine.evaluate(m, facts(m, story), at)) {
                if (d.kind() == Decision.Kind.SUPPRESSED) {
                    suppressed.incrementAndGet();
                } else {
                    out.add(new Outcome(d, at));
                }
            }
        }
        return out;
    }

    public void brandPosts(dev.firebreak.daemon.serviceclock.BrandPosts brand) {
        this.brandPosts = brand;
    }

    public long suppressed() {
        return suppressed.get();
    }

    /** What the rules may know of a mention's story; a mention with no story is a story of one. */
    public static StoryFacts facts(ScoredMention m, StorySnapshot s) {
        if (s == null) return StoryFacts.single(m);
        StorySnapshot.Signals g = s.signals();
        double predicted = s.forecast() == null ? Double.NaN : s.forecast().predictedFinal();
        return new StoryFacts(s.size(), g.velocity1h(), g.acceleration(), g.reach(), g.kols().size(),
                g.mediaOrGovernment().size(), predicted, g.negativeShare(), g.escalations().threats(),
                g.escalations().filed());
    }
}
