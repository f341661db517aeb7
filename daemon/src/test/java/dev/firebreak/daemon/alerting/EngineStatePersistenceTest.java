package dev.firebreak.daemon.alerting;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import dev.firebreak.store.memory.InMemoryLifecycleStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineStatePersistenceTest {
    private final InMemoryLifecycleStore store = new InMemoryLifecycleStore();

    @Test
    void aStoryKeepsItsOneAlertAcrossARestart() throws Exception {
        AlertEngine before = new AlertEngine(rules());
        Decision fired = new RuleStage(before).evaluate(List.of(negative("1", "s1", 0)), Map.of()).get(0).decision();
        new EngineStatePersistence(before, store).save();

        AlertEngine after = new AlertEngine(rules());
        assertTrue(new EngineStatePersistence(after, store).restore());
        Decision next = new RuleStage(after).evaluate(List.of(negative("2", "s1", 1)), Map.of()).get(0).decision();
        assertEquals(Decision.Kind.UPDATE, next.kind());
        assertEquals(fired.alert().id(), next.alert().id());
    }

    @Test
    void nothingSavedRestoresNothing() throws Exception {
        AlertEngine engine = new AlertEngine(rules());
        assertFalse(new EngineStatePersistence(engine, store).restore());
        assertEquals(Decision.Kind.FIRE,
                new RuleStage(engine).evaluate(List.of(negative("1", "s1", 0)), Map.of()).get(0).decision().kind());
    }
}
