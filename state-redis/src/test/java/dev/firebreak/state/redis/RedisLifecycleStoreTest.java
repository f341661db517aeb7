package dev.firebreak.state.redis;

import dev.firebreak.store.LifecycleStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.state.redis.testing.TestRedis;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class RedisLifecycleStoreTest {
    private final LifecycleStore store = TestRedis.freshLifecycleStore();

    RedisLifecycleStoreTest() throws Exception { }

    private static <T> T get(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get();
    }

    @Test
    void aTransitionIsAppliedOnceAtItsVersionWithItsAuditEntry() throws Exception {
        assertTrue(get(store.transition("a1", 0, "{\"status\":\"open\"}", "{\"to\":\"open\"}", true)));
        assertEquals(Set.of("a1"), get(store.openAlerts()));
        assertFalse(get(store.transition("a1", 0, "{\"status\":\"open\"}", "{\"to\":\"open\"}", true)),
                "a second writer with a stale version loses");
        assertTrue(get(store.transition("a1", 1, "{\"status\":\"resolved\"}", "{\"to\":\"resolved\"}", false)));
        assertEquals(Optional.of(new LifecycleStore.Versioned(2, "{\"status\":\"resolved\"}")), get(store.lifecycle("a1")));
        assertEquals(List.of("{\"to\":\"open\"}", "{\"to\":\"resolved\"}"), get(store.audit("a1")));
        assertEquals(Set.of(), get(store.openAlerts()));
        assertEquals(Optional.empty(), get(store.lifecycle("nope")));
    }

    @Test
    void engineStateAndRuleChangesAreKept() throws Exception {
        assertEquals(Optional.empty(), get(store.engineState()));
        get(store.saveEngineState("{\"groups\":{}}"));
        assertEquals(Optional.of("{\"groups\":{}}"), get(store.engineState()));
        assertEquals(1L, get(store.recordRuleChange("{\"n\":1}")));
        assertEquals(2L, get(store.recordRuleChange("{\"n\":2}")));
        assertEquals(List.of("{\"n\":2}", "{\"n\":1}"), get(store.ruleChanges(10)));
    }
}
