package dev.firebreak.daemon.alerting;

import static dev.firebreak.daemon.testing.AlertingFixtures.at;
import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import dev.firebreak.store.memory.InMemoryLifecycleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EscalatorTest {
    private final InMemoryLifecycleStore store = new InMemoryLifecycleStore();
    private final AlertEngine engine = new AlertEngine(rules());
    private final Escalator escalator = new Escalator(engine, store);
    private final LifecycleService lifecycles = new LifecycleService(engine, store, v -> true);
    private final List<AlertVersion> out = new ArrayList<>();
    private Alert alert;

    @BeforeEach
    void fire() throws Exception {
        Decision d = new RuleStage(engine).evaluate(List.of(negative("1", "s1", 0)), Map.of()).get(0).decision();
        alert = d.alert();
        escalator.schedule(lifecycles.open(alert), d.rule().escalation());
    }

    @Test
    void nothingIsDueBeforeTheStep() throws Exception {
        assertEquals(0, escalator.escalate(at(9), v -> out.add(v)));
        assertEquals(List.of(), out);
    }

    @Test
    void aStepDueIsStoredAndGoesOutWithItsLevelAndChannelsOnce() throws Exception {
        assertEquals(1, escalator.escalate(at(10), v -> out.add(v)));
        assertEquals(0, escalator.escalate(at(11), v -> out.add(v)), "taken once");
        assertEquals(1, out.size());
        assertEquals(alert.id(), out.get(0).alert().id());
        assertEquals(List.of("supervisor"), out.get(0).newChannels());
        assertTrue(out.get(0).json().contains("\"escalationLevel\":1"), out.get(0).json());
        List<String> audit = lifecycles.audit(alert.id());
        assertTrue(audit.get(audit.size() - 1).contains("notify supervisor"), audit.toString());
    }

    @Test
    void anAcknowledgedAlertIsNotEscalated() throws Exception {
        lifecycles.act(alert.id(), LifecycleService.Action.ACKNOWLEDGE, "li", null, at(5));
        assertEquals(0, escalator.escalate(at(10), v -> out.add(v)));
    }
}
