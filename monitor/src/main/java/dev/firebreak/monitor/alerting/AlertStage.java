package dev.firebreak.monitor.alerting;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.monitor.pipeline.AlertRecorder;
import dev.firebreak.monitor.state.LifecycleStore;
import dev.firebreak.monitor.stories.StorySnapshot;
import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import dev.firebreak.rules.engine.EngineState;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.rules.lifecycle.EscalationSchedule;
import dev.firebreak.rules.model.AlertRule;
import dev.firebreak.rules.model.EscalationStep;
import dev.firebreak.rules.model.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alert stage of the pipeline: the rules decide (fire, update, suppress) from each scored mention
 * and its story; a new alert is recorded, goes on the feed and opens its lifecycle; an update replaces
 * it on the feed under the same id; the escalation timer notifies the next level of whatever nobody
 * acknowledged in time. Blocking (it waits on Redis): call it from the pipeline's worker.
 */
public final class AlertStage {
    private final AlertEngine engine;
    private final AlertRecorder recorder;
    private final LifecycleStore lifecycles;
    private final AtomicLong suppressed = new AtomicLong();
    /** No escalation can be due before this: lets the per-batch call skip Redis almost always. */
    private volatile Instant earliestDue = Instant.MIN;

    public AlertStage(RuleSet rules, AlertRecorder recorder, LifecycleStore lifecycles) {
        this.engine = new AlertEngine(rules);
        this.recorder = recorder;
        this.lifecycles = lifecycles;
    }

    /** Picks up the grouping state saved before a restart, so a story keeps its one alert. */
    public void restore() throws Exception {
        Optional<String> saved = join(lifecycles.engineState());
        if (saved.isPresent()) engine.restore(EngineState.fromJson(saved.get()));
    }

    public void save() throws Exception {
        join(lifecycles.saveEngineState(engine.snapshot().toJson()));
    }

    public void setRules(RuleSet rules) {
        engine.setRules(rules);
    }

    public RuleSet rules() {
        return engine.rules();
    }

    public long suppressed() {
        return suppressed.get();
    }

    /** Runs the rules over a batch; returns how many alerts were new. */
    public int process(List<ScoredMention> batch, Map<String, StorySnapshot> stories, long arrivalNanos) throws Exception {
        int fired = 0;
        for (ScoredMention m : batch) {
            StorySnapshot story = m.storyId() == null ? null : stories.get(m.storyId());
            Instant at = m.mention().createdAt().toInstant();
            for (Decision d : engine.evaluate(m, facts(m, story), at)) {
                switch (d.kind()) {
                    case FIRE -> {
                        if (recorder.record(d.alert(), arrivalNanos)) {
                            fired++;
                            AlertLifecycle.Transition t = AlertLifecycle.open(d.alert());
                            join(lifecycles.transition(d.alert().id(), 0, t.lifecycle().toJson(), t.audit().toJson(), true));
                            EscalationSchedule.next(t.lifecycle(), d.rule().escalation()).ifPresent(this::dueAt);
                        }
                    }
                    case UPDATE -> recorder.update(withStatus(d.alert()), arrivalNanos);
                    case SUPPRESSED -> suppressed.incrementAndGet();
                }
            }
        }
        return fired;
    }

    /**
     * Escalates every open alert whose next step is due at {@code now} (wall-clock in the daemon, event
     * time in a replay): records the step in its lifecycle and audit, and puts the alert on the feed
     * again with its level. Returns the steps taken.
     */
    public int escalate(Instant now) throws Exception {
        if (now.isBefore(earliestDue)) return 0;
        earliestDue = Instant.MAX;
        int steps = 0;
        for (String id : join(lifecycles.openAlerts())) {
            Optional<LifecycleStore.Versioned> stored = join(lifecycles.lifecycle(id));
            Optional<Alert> alert = engine.openAlert(id);
            if (stored.isEmpty() || alert.isEmpty()) continue;
            AlertLifecycle l = AlertLifecycle.fromJson(stored.get().json());
            AlertRule rule = engine.rules().rule(alert.get().ruleId()).orElse(null);
            if (rule == null) continue;
            long version = stored.get().version();
            for (EscalationStep step : EscalationSchedule.due(l, now, rule.escalation())) {
                AlertLifecycle.Transition t = l.escalate(step.level(), "notify " + String.join(", ", step.channels()), now);
                if (!join(lifecycles.transition(id, version, t.lifecycle().toJson(), t.audit().toJson(), true))) break;
                l = t.lifecycle();
                version++;
                steps++;
                recorder.update(alert.get(), System.nanoTime());
            }
            EscalationSchedule.next(l, rule.escalation()).ifPresent(this::dueAt);
        }
        return steps;
    }

    private void dueAt(Instant at) {
        if (at.isBefore(earliestDue)) earliestDue = at;
    }

    /** What the rules may know of a mention's story; a mention with no story is a story of one. */
    static StoryFacts facts(ScoredMention m, StorySnapshot s) {
        if (s == null) return StoryFacts.single(m);
        StorySnapshot.Signals g = s.signals();
        double predicted = s.forecast() == null ? Double.NaN : s.forecast().predictedFinal();
        return new StoryFacts(s.size(), g.velocity1h(), g.acceleration(), g.reach(), g.kols().size(),
                g.mediaOrGovernment().size(), predicted, g.negativeShare(), g.escalations().threats(),
                g.escalations().filed());
    }

    private static Alert withStatus(Alert a) {
        return a.status() == null ? new Alert(a.id(), a.ruleId(), a.ruleVersion(), a.severity(), a.storyId(),
                a.firedAt(), a.reason(), a.mentions(), a.story(), AlertStatus.FIRING) : a;
    }

    static <T> T join(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
