package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LifecycleStore} does. A module with an implementation runs it by a subclass that
 * gives each test a store of its own, empty.
 */
public abstract class LifecycleStoreContract {
    protected LifecycleStore store;

    /** A store no other test sees, with nothing in it. */
    protected abstract LifecycleStore freshStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = freshStore();
    }

    protected static <T> T get(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aTransitionIsAppliedOnceAtItsVersionWithItsAuditEntry() throws Exception {
        assertTrue(get(store.transition("a1", 0, "{\"status\":\"open\"}", "{\"to\":\"open\"}", true)));
        assertEquals(Set.of("a1"), get(store.openAlerts()));
        assertFalse(get(store.transition("a1", 0, "{\"status\":\"open\"}", "{\"to\":\"open\"}", true)),
                "a second writer with a stale version loses");
        assertFalse(get(store.transition("a1", 5, "{\"status\":\"x\"}", "{\"to\":\"x\"}", false)),
                "so does one with a version from the future");
        assertEquals(Optional.of(new LifecycleStore.Versioned(1, "{\"status\":\"open\"}")), get(store.lifecycle("a1")));
        assertTrue(get(store.transition("a1", 1, "{\"status\":\"resolved\"}", "{\"to\":\"resolved\"}", false)));
        assertEquals(Optional.of(new LifecycleStore.Versioned(2, "{\"status\":\"resolved\"}")), get(store.lifecycle("a1")));
        assertEquals(List.of("{\"to\":\"open\"}", "{\"to\":\"resolved\"}"), get(store.audit("a1")),
                "a losing transition writes no audit entry");
        assertEquals(Set.of(), get(store.openAlerts()));
        assertEquals(Optional.empty(), get(store.lifecycle("nope")));
        assertEquals(List.of(), get(store.audit("nope")));
    }

    @Test
    void theOpenSetFollowsEachAlertsLastTransition() throws Exception {
        assertEquals(Set.of(), get(store.openAlerts()));
        get(store.transition("a1", 0, "{}", "{}", true));
        get(store.transition("a2", 0, "{}", "{}", true));
        get(store.transition("a3", 0, "{}", "{}", false));
        assertEquals(Set.of("a1", "a2"), get(store.openAlerts()));
        get(store.transition("a2", 1, "{}", "{}", false));
        get(store.transition("a3", 1, "{}", "{}", true));
        assertEquals(Set.of("a1", "a3"), get(store.openAlerts()));
    }

    @Test
    void theEngineStateIsReplacedWhole() throws Exception {
        assertEquals(Optional.empty(), get(store.engineState()));
        get(store.saveEngineState("{\"groups\":{}}"));
        assertEquals(Optional.of("{\"groups\":{}}"), get(store.engineState()));
        get(store.saveEngineState("{\"groups\":{\"g\":1}}"));
        assertEquals(Optional.of("{\"groups\":{\"g\":1}}"), get(store.engineState()));
    }

    @Test
    void ruleChangesAreNumberedAndListedNewestFirst() throws Exception {
        assertEquals(List.of(), get(store.ruleChanges(10)));
        assertEquals(1L, get(store.recordRuleChange("{\"n\":1}")));
        assertEquals(2L, get(store.recordRuleChange("{\"n\":2}")));
        assertEquals(3L, get(store.recordRuleChange("{\"n\":3}")));
        assertEquals(List.of("{\"n\":3}", "{\"n\":2}", "{\"n\":1}"), get(store.ruleChanges(10)));
        assertEquals(List.of("{\"n\":3}", "{\"n\":2}"), get(store.ruleChanges(2)));
        assertEquals(3, get(store.ruleChanges(Integer.MAX_VALUE)).size());
        assertEquals(List.of(), get(store.ruleChanges(0)));
    }

    @Test
    void silencesAreKeptByIdUntilDeleted() throws Exception {
        assertEquals(List.of(), get(store.silences()));
        get(store.saveSilence("s1", "{\"id\":\"s1\"}"));
        get(store.saveSilence("s2", "{\"id\":\"s2\"}"));
        get(store.saveSilence("s1", "{\"id\":\"s1\",\"v\":2}"));
        assertEquals(Set.of("{\"id\":\"s1\",\"v\":2}", "{\"id\":\"s2\"}"), Set.copyOf(get(store.silences())));
        assertEquals(2, get(store.silences()).size());
        assertTrue(get(store.deleteSilence("s2")));
        assertFalse(get(store.deleteSilence("s2")));
        assertEquals(List.of("{\"id\":\"s1\",\"v\":2}"), get(store.silences()));
    }
}
