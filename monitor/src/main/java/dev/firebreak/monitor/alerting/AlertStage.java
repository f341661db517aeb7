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
    private static final java.time.Duration PUBLISH_EVERY = java.time.Duration.ofMinutes(5);
    private final java.util.Map<String, Published> published = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Published> eldest) {
            return size() > 100_000;
        }
    };
    private final java.util.Map<String, Alert> pending = new java.util.LinkedHashMap<>();
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
        flushUpdates();
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
                            published.put(d.alert().id(), new Published(d.alert().story() == null ? 0
                                    : d.alert().story().size(), at));
                            AlertLifecycle.Transition t = AlertLifecycle.open(d.alert());
                            join(lifecycles.transition(d.alert().id(), 0, t.lifecycle().toJson(), t.audit().toJson(), true));
                            EscalationSchedule.next(t.lifecycle(), d.rule().escalation()).ifPresent(this::dueAt);
                        }
                    }
                    case UPDATE -> {
                        if (worthPublishing(d, at)) {
                            pending.remove(d.alert().id());
                            recorder.update(withStatus(d.alert()), arrivalNanos);
                        } else {
                            pending.put(d.alert().id(), withStatus(d.alert()));
                        }
                    }
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

    /**
     * A viral story matches on every mention; the feed hears of it when it matters: a worse rule
     * raised it, the story grew by a quarter since the feed last heard, or five minutes (event time)
     * passed. The engine's alert is always current; only the feed is spared.
     */
    private boolean worthPublishing(Decision d, Instant at) {
        long size = d.alert().story() == null ? 0 : d.alert().story().size();
        Published last = published.get(d.alert().id());
        if (last != null && !d.raised() && size < last.size * 5 / 4 && at.isBefore(last.at.plus(PUBLISH_EVERY))) {
            return false;
        }
        published.put(d.alert().id(), new Published(size, at));
        return true;
    }

    private record Published(long size, Instant at) { }

    /** Puts on the feed the latest version of every alert whose last updates were held back. */
    public void flushUpdates() throws Exception {
        for (Alert a : List.copyOf(pending.values())) {
            recorder.update(a, System.nanoTime());
            published.put(a.id(), new Published(a.story() == null ? 0 : a.story().size(),
                    published.containsKey(a.id()) ? published.get(a.id()).at() : Instant.MIN));
        }
        pending.clear();
    }

    private void dueAt(Instant at) {
        if (at.isBefore(earliestDue)) earliestDue = at;
    }

    /** A person's step in an alert's lifecycle: acknowledge, assign or resolve. */
    public enum Action { ACKNOWLEDGE, ASSIGN, RESOLVE }

    /**
     * Applies a person's step to an alert (wall-clock time), records it with its audit entry, and
     * puts the alert on the feed again with its new status. Throws
     * {@link dev.firebreak.rules.lifecycle.InvalidTransitionException} for a step its state does not
     * allow, and {@link java.util.NoSuchElementException} for an alert with no lifecycle.
     */
    public AlertLifecycle act(String alertId, Action action, String by, String argument, Instant now) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            LifecycleStore.Versioned stored = join(lifecycles.lifecycle(alertId))
                    .orElseThrow(() -> new java.util.NoSuchElementException("no alert \"" + alertId + "\""));
            AlertLifecycle l = AlertLifecycle.fromJson(stored.json());
            AlertLifecycle.Transition t = switch (action) {
                case ACKNOWLEDGE -> l.acknowledge(by, now);
                case ASSIGN -> l.assign(argument, by, now);
                case RESOLVE -> l.resolve(argument, by, now);
            };
            boolean open = t.lifecycle().state() != AlertLifecycle.State.RESOLVED;
            if (!join(lifecycles.transition(alertId, stored.version(), t.lifecycle().toJson(), t.audit().toJson(), open))) {
                continue;   // someone else's step got there first: read again
            }
            Optional<Alert> alert = engine.openAlert(alertId);
            if (action == Action.RESOLVE) engine.resolve(alertId, now);
            if (alert.isPresent()) {
                Alert a = alert.get();
                recorder.update(new Alert(a.id(), a.ruleId(), a.ruleVersion(), a.severity(), a.storyId(), a.firedAt(),
                        a.reason(), a.mentions(), a.story(), t.lifecycle().status()), System.nanoTime());
            }
            return t.lifecycle();
        }
        throw new IllegalStateException("alert \"" + alertId + "\" is changing too fast; try again");
    }

    /** The lifecycle and audit trail of an alert, as stored. */
    public Optional<LifecycleStore.Versioned> lifecycle(String alertId) throws Exception {
        return join(lifecycles.lifecycle(alertId));
    }

    public List<String> audit(String alertId) throws Exception {
        return join(lifecycles.audit(alertId));
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
