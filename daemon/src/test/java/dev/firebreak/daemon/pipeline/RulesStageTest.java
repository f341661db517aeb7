package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.positive;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.daemon.alerting.RuleStage;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesStageTest {
    @Test
    void theRulesDecideOnTheNewMentions() {
        Batch batch = new Batch(List.of(), 0);
        batch.fresh = List.of(positive("1", "s1", 0), negative("2", "s2", 0));
        new RulesStage(new RuleStage(new AlertEngine(rules()))).apply(batch);
        assertEquals(1, batch.decisions.size());
        assertEquals(Decision.Kind.FIRE, batch.decisions.get(0).decision().kind());
        assertEquals("s2", batch.decisions.get(0).decision().alert().storyId());
    }
}
