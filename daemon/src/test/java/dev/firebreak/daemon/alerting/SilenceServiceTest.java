package dev.firebreak.daemon.alerting;

import static dev.firebreak.daemon.testing.AlertingFixtures.at;
import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Severity;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.model.Silence;
import dev.firebreak.store.memory.InMemoryLifecycleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilenceServiceTest {
    private final InMemoryLifecycleStore store = new InMemoryLifecycleStore();
    private final AlertEngine engine = new AlertEngine(rules());
    private final SilenceService silences = new SilenceService(engine, store);
    private final RuleStage ruleStage = new RuleStage(engine);

    private static Silence quiet(String id, String match, int untilMinutes) {
        return new Silence(id, match, "neg", "known issue", "ops", at(-10), at(untilMinutes));
    }

    @Test
    void aSilenceSuppressesItsRuleAndSurvivesARestart() throws Exception {
        silences.silence(quiet("q1", null, 60));
        assertEquals(List.of(), ruleStage.evaluate(List.of(negative("1", "s1", 0)), Map.of()));
        assertEquals(1, ruleStage.suppressed());

        AlertEngine restarted = new AlertEngine(rules());
        SilenceService again = new SilenceService(restarted, store);
        again.restore();
        assertEquals(List.of("q1"), again.silences().stream().map(Silence::id).toList());
        assertEquals(List.of(), new RuleStage(restarted).evaluate(List.of(negative("1", "s1", 0)), Map.of()));
    }

    @Test
    void aSilenceWhoseMatchDoesNotParseIsRefusedAndNotStored() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> silences.silence(quiet("bad", "label:(", 60)));
        assertEquals(List.of(), silences.silences());
        assertEquals(List.of(), store.silences().toCompletableFuture().get());
    }

    @Test
    void newRulesKeepTheSilencesAndUnsilenceLiftsThem() throws Exception {
        silences.silence(quiet("q1", null, 60));
        silences.setRules(rules());
        assertEquals(List.of(), ruleStage.evaluate(List.of(negative("1", "s1", 0)), Map.of()), "still silenced");
        assertTrue(silences.unsilence("q1"));
        assertFalse(silences.unsilence("q1"));
        assertEquals(1, ruleStage.evaluate(List.of(negative("2", "s2", 1)), Map.of()).size());
    }

    @Test
    void aSilenceEndingWithinTheHourIsRemindedOfOnce() throws Exception {
        silences.silence(quiet("soon", null, 30));
        silences.silence(quiet("later", null, 120));
        List<AlertVersion> out = new ArrayList<>();
        assertEquals(1, silences.remind(at(0), v -> out.add(v)));
        assertEquals(0, silences.remind(at(1), v -> out.add(v)), "once per silence");
        assertEquals(1, out.size());
        assertEquals(SilenceService.REMINDER_RULE, out.get(0).alert().ruleId());
        assertEquals(Severity.P4, out.get(0).alert().severity());
        assertTrue(out.get(0).alert().reason().contains("Silence \"soon\" by ops"), out.get(0).alert().reason());
    }
}
