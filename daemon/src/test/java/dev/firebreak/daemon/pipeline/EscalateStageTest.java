package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.positive;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.store.memory.InMemoryLifecycleStore;
import dev.firebreak.store.memory.InMemoryStateStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EscalateStageTest {
    private final AlertPublisher publisher = new AlertPublisher(new InMemoryStateStore());
    private final AlertStage alerts = new AlertStage(rules(), publisher, new InMemoryLifecycleStore());
    private final EscalateStage stage = new EscalateStage(alerts.escalator(), publisher);
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void fire() throws Exception {
        publisher.subscribe((r, v) -> heard.add(v.alert().id()));
        Batch batch = new Batch(List.of(), 0);
        batch.fresh = List.of(negative("1", "s1", 0));
        new RulesStage(alerts.ruleStage()).apply(batch);
        new RecordStage(publisher, alerts.throttle(), alerts.lifecycleService(), alerts.escalator()).apply(batch);
    }

    private static Batch at(int minutes) {
        Batch batch = new Batch(List.of(), 0);
        batch.fresh = List.of(positive("9" + minutes, "s9", minutes));
        return batch;
    }

    @Test
    void stepsDueAtTheBatchsEventTimeAreRecordedForThePublishStage() {
        Batch early = at(9);
        stage.apply(early);
        assertEquals(List.of(), early.recorded());

        Batch due = at(10);
        stage.apply(due);
        assertEquals(1, due.recorded().size());
        assertEquals(List.of("supervisor"), due.recorded().get(0).version().newChannels());
        assertTrue(due.recorded().get(0).recorded().json().contains("\"escalationLevel\":1"));
        assertEquals(List.of(), heard, "published by the publish stage, not here");
    }

    @Test
    void aBatchWithNoNewMentionsEscalatesNothing() {
        Batch empty = new Batch(List.of(), 0);
        stage.apply(empty);
        assertEquals(List.of(), empty.recorded());
    }
}
