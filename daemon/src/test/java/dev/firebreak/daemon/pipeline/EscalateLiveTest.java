package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.T0;
import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.positive;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.EventClock;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.store.memory.InMemoryLifecycleStore;
import dev.firebreak.store.memory.InMemoryStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Live (the daemon's wall clock), an alert's escalation waits for the real timeout from when it was
 * recorded, whatever the event times of its mentions: days-old mentions (a late poll, an old demo) do
 * not escalate at once, and a stream stamped ahead (the demo at ten times) does not escalate early.
 */
class EscalateLiveTest {
    /** The wall clock: a week after the mentions' own times. */
    final AtomicReference<Instant> wall = new AtomicReference<>(T0.plus(Duration.ofDays(7)));
    final AlertPublisher publisher = new AlertPublisher(new InMemoryStateStore());
    final InMemoryLifecycleStore lifecycles = new InMemoryLifecycleStore();
    final AlertStage alerts = new AlertStage(rules(), publisher, lifecycles, EventClock.wall(() -> wall.get()));
    final EscalateStage stage = new EscalateStage(alerts.escalator(), publisher, alerts.clock());
    final List<String> heard = new ArrayList<>();

    private Batch batch(dev.firebreak.core.ScoredMention m) {
        Batch b = new Batch(List.of(), 0);
        b.fresh = List.of(m);
        return b;
    }

    @Test
    void liveEscalationWaitsForTheRealTimeout() throws Exception {
        Batch first = batch(negative("1", "s1", 0));
        new RulesStage(alerts.ruleStage()).apply(first);
        new RecordStage(publisher, alerts.throttle(), alerts.lifecycleService(), alerts.escalator()).apply(first);
        String id = lifecycles.openAlerts().toCompletableFuture().get().iterator().next();
        AlertLifecycle opened = AlertLifecycle.fromJson(lifecycles.lifecycle(id).toCompletableFuture().get().orElseThrow().json());
        assertEquals(wall.get(), opened.openedAt(), "opened when it was recorded, not at its mention's time a week ago");
        publisher.subscribe((r, v) -> heard.add(v.alert().id()));

        stage.apply(batch(positive("2", "s2", 600)));       // a mention stamped ten hours on: not a clock
        alerts.escalate(alerts.clock().now());              // the daemon's timer
        assertEquals(List.of(), heard, "the 10-minute step is not due a moment after the alert was recorded");

        wall.set(wall.get().plus(Duration.ofMinutes(9)));
        alerts.escalate(alerts.clock().now());
        assertEquals(List.of(), heard, "nor 9 real minutes later");

        wall.set(wall.get().plus(Duration.ofMinutes(1)));
        stage.apply(batch(positive("3", "s3", 1)));
        assertEquals(List.of(id), heard, "10 real minutes after it was recorded it escalates, once");
        alerts.escalate(alerts.clock().now());
        assertEquals(List.of(id), heard, "the step is recorded: the timer does not take it again");
    }
}
