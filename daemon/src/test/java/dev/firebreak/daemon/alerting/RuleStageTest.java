package dev.firebreak.daemon.alerting;

import static dev.firebreak.daemon.testing.AlertingFixtures.at;
import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.positive;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import dev.firebreak.rules.model.Silence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleStageTest {
    private final AlertEngine engine = new AlertEngine(rules());
    private final RuleStage stage = new RuleStage(engine);

    @Test
    void aMatchFiresThenUpdatesWithTheMentionsEventTime() {
        List<RuleStage.Outcome> out = stage.evaluate(List.of(negative("1", "s1", 0), positive("2", "s1", 1),
                negative("3", "s1", 2)), Map.of());
        assertEquals(List.of(Decision.Kind.FIRE, Decision.Kind.UPDATE, Decision.Kind.UPDATE),
                out.stream().map(o -> o.decision().kind()).toList(), "the positive mention no rule matched still moves the story's alert");
        assertEquals(List.of(at(0), at(1), at(2)), out.stream().map(RuleStage.Outcome::at).toList());
        assertEquals(out.get(0).decision().alert().id(), out.get(2).decision().alert().id(), "one alert per story");
        assertEquals(List.of("weibo:1"), out.get(1).decision().alert().mentions(), "the alert's mentions are the ones its rules matched");
        assertEquals(List.of(), out.get(1).channels());
        assertEquals(0, stage.suppressed());
    }

    @Test
    void suppressedDecisionsAreCountedNotPassedOn() {
        engine.setRules(engine.rules().withSilences(List.of(new Silence("quiet", null, "neg", "known issue", "ops",
                at(-1), at(60)))));
        assertEquals(List.of(), stage.evaluate(List.of(negative("1", "s1", 0), negative("2", "s2", 1)), Map.of()));
        assertEquals(2, stage.suppressed());
    }

    @Test
    void aMentionWithNoStoryIsAStoryOfOne() {
        var m = negative("1", null, 0);
        assertEquals(StoryFacts.single(m), RuleStage.facts(m, null));
    }
}
