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
    private final List<dev.firebreak.daemon.alerting.AlertVersion> versions = new ArrayList<>();
    private final List<String> jsons = new ArrayList<>();

    @BeforeEach
    void fire() throws Exception {
        publisher.subscribe((r, v) -> {
            heard.add(v.alert().id());
            versions.add(v);
            jsons.add(r.json());
        });
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
    void stepsDueAtTheBatchsEventTimeAreRecordedAndPublished() {
        heard.clear();
        versions.clear();
        jsons.clear();
        Batch early = at(9);
        stage.apply(early);
        assertEquals(List.of(), heard, "nothing due 9 minutes in");

        Batch due = at(10);
        stage.apply(due);
        assertEquals(1, heard.size(), "the step due at 10 minutes is published as it is recorded: " + heard);
        assertEquals(List.of("supervisor"), versions.get(0).newChannels());
        assertTrue(jsons.get(0).contains("\"escalationLevel\":1"));
        assertEquals(List.of(), due.recorded(), "nothing left for the publish stage, which ran before");
    }

    @Test
    void aBatchWithNoNewMentionsEscalatesNothing() {
        heard.clear();
        Batch empty = new Batch(List.of(), 0);
        stage.apply(empty);
        assertEquals(List.of(), heard);
    }
}
