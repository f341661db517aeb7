package dev.firebreak.daemon.alerting;

import static dev.firebreak.daemon.testing.AlertingFixtures.T0;
import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.rules.lifecycle.InvalidTransitionException;
import dev.firebreak.store.memory.InMemoryLifecycleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleServiceTest {
    private final InMemoryLifecycleStore store = new InMemoryLifecycleStore();
    private final AlertEngine engine = new AlertEngine(rules());
    private final List<AlertVersion> published = new ArrayList<>();
    private final LifecycleService lifecycles = new LifecycleService(engine, store, v -> published.add(v));
    private Alert alert;

    @BeforeEach
    void fire() throws Exception {
        alert = new RuleStage(engine).evaluate(List.of(negative("1", "s1", 0)), Map.of()).get(0).decision().alert();
        AlertLifecycle opened = lifecycles.open(alert);
        assertEquals(AlertLifecycle.State.OPEN, opened.state());
    }

    @Test
    void openingStoresTheLifecycleWithAnAuditEntryAndMarksItOpen() throws Exception {
        assertEquals(1, lifecycles.lifecycle(alert.id()).orElseThrow().version());
        assertTrue(lifecycles.audit(alert.id()).get(0).contains("\"action\":\"open\""));
        assertEquals(Set.of(alert.id()), store.openAlerts().toCompletableFuture().get());
    }

    @Test
    void anAcknowledgementIsStoredAndPublishedWithItsStatus() throws Exception {
        AlertLifecycle l = lifecycles.act(alert.id(), LifecycleService.Action.ACKNOWLEDGE, "li", null, T0.plusSeconds(60));
        assertEquals(AlertStatus.ACKNOWLEDGED, l.status());
        assertEquals(1, published.size());
        assertEquals(AlertStatus.ACKNOWLEDGED, published.get(0).alert().status());
        assertTrue(published.get(0).followUp());
        assertEquals(2, lifecycles.audit(alert.id()).size());
    }

    @Test
    void aSnoozeIsStoredButNotPublished() throws Exception {
        lifecycles.act(alert.id(), LifecycleService.Action.SNOOZE, "li", T0.plusSeconds(3600).toString(), T0);
        assertEquals(List.of(), published);
        assertEquals(2, lifecycles.audit(alert.id()).size());
    }

    @Test
    void resolvingClosesTheAlertInTheEngineAndTheOpenSet() throws Exception {
        lifecycles.act(alert.id(), LifecycleService.Action.RESOLVE, "li", "refunded", T0.plusSeconds(60));
        assertEquals(AlertStatus.RESOLVED, published.get(0).alert().status());
        assertTrue(engine.openAlert(alert.id()).isEmpty());
        assertEquals(Set.of(), store.openAlerts().toCompletableFuture().get());
        assertThrows(InvalidTransitionException.class,
                () -> lifecycles.act(alert.id(), LifecycleService.Action.ACKNOWLEDGE, "li", null, T0.plusSeconds(120)));
    }

    @Test
    void anAlertWithNoLifecycleIsNotFound() {
        assertThrows(NoSuchElementException.class,
                () -> lifecycles.act("nope", LifecycleService.Action.ACKNOWLEDGE, "li", null, T0));
    }
}
