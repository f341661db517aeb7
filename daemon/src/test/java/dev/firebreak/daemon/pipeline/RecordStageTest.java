package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.store.memory.InMemoryLifecycleStore;
import dev.firebreak.store.memory.InMemoryStateStore;
import dev.firebreak.stories.Stories;
import dev.firebreak.stories.StoryAssigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecordStageTest {
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final InMemoryLifecycleStore lifecycles = new InMemoryLifecycleStore();
    private final AlertPublisher publisher = new AlertPublisher(state);
    private final AlertStage alerts = new AlertStage(rules(), publisher, lifecycles);
    private final RecordStage stage = new RecordStage(publisher, alerts.throttle(), alerts.lifecycleService(), alerts.escalator());
    private final List<String> heard = new ArrayList<>();

    private final SignalsStage signals = new SignalsStage(Stories.inMemory(1_000).book());

    /** A batch of negative mentions of story s1, through the signals and rules stages. */
    private Batch decided(int minutes, int from, int count) {
        Batch batch = new Batch(List.of(), 0);
        batch.fresh = IntStream.range(from, from + count).mapToObj(i -> negative(Integer.toString(i), "s1", minutes)).toList();
        batch.assignment = new StoryAssigner.Assignment(List.of(), Map.of(), from == 0 ? Set.of("s1") : Set.of());
        signals.apply(batch);
        new RulesStage(alerts.ruleStage()).apply(batch);
        return batch;
    }

    @Test
    void aNewAlertIsRecordedWithItsChannelsAndItsLifecycleOpensButNothingIsPublishedYet() throws Exception {
        publisher.subscribe((r, v) -> heard.add(v.alert().id()));
        Batch batch = decided(0, 0, 1);
        stage.apply(batch);

        assertEquals(1, batch.fired);
        assertEquals(1, batch.recorded().size());
        assertEquals(List.of("agents"), batch.recorded().get(0).version().newChannels());
        assertFalse(batch.recorded().get(0).version().followUp());
        String id = batch.recorded().get(0).version().alert().id();
        assertTrue(lifecycles.lifecycle(id).toCompletableFuture().get().isPresent(), "lifecycle opened");
        assertEquals(List.of(), heard, "the publish stage publishes");
        assertEquals(1, state.latestAlerts(10).toCompletableFuture().get().size());
    }

    @Test
    void updatesGoThroughTheThrottle() throws Exception {
        stage.apply(decided(0, 0, 10));
        Batch small = decided(1, 10, 1);
        stage.apply(small);
        assertEquals(0, small.fired);
        assertEquals(List.of(), small.recorded(), "grew by a tenth within five minutes: held back");
        assertEquals(1, alerts.throttle().held());
        Batch big = decided(2, 11, 3);
        stage.apply(big);
        assertEquals(1, big.recorded().size(), "grew by a quarter: recorded as an update");
        assertTrue(big.recorded().get(0).version().followUp());
        assertEquals(14, big.recorded().get(0).version().alert().story().size(), "the story as it is after the batch");
        assertEquals(1, alerts.throttle().held(), "the batch's later updates wait again");
    }

    @Test
    void anAlertRecordedBeforeIsNotRecordedAgain() throws Exception {
        Batch first = decided(0, 0, 1);
        stage.apply(first);
        Batch replayed = new Batch(List.of(), 0);
        replayed.decisions = first.decisions;
        stage.apply(replayed);
        assertEquals(0, replayed.fired);
        assertEquals(List.of(), replayed.recorded());
    }
}
