package dev.firebreak.daemon.alerting;

import dev.firebreak.core.EventClock;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.rules.model.RuleSet;
import dev.firebreak.rules.model.Silence;
import dev.firebreak.store.LifecycleStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The alerting services around one {@link AlertEngine}, made together because they share it: the
 * rule stage, the update throttle, silences, lifecycles, the escalator, engine-state persistence and
 * the publisher they all record through. The pipeline's stages use the services themselves; the
 * methods here are the few the daemon's timer, the rule reloader and the HTTP routes call (the routes
 * may take the services directly later). Blocking (it waits on the store): call it on the pipeline's worker.
 */
public final class AlertStage {
    private final AlertEngine engine;
    private final AlertPublisher publisher;
    private final RuleStage rules;
    private final UpdateThrottle throttle = new UpdateThrottle();
    private final SilenceService silences;
    private final LifecycleService lifecycles;
    private final Escalator escalator;
    private final EngineStatePersistence persistence;
    private final EventClock clock;

    /** In event time, as a replay runs. */
    public AlertStage(RuleSet ruleSet, AlertPublisher publisher, LifecycleStore store) {
        this(ruleSet, publisher, store, EventClock.eventTime());
    }

    /** Escalation timers (and lifecycles' open times) on {@code clock}: the story book's clock. */
    public AlertStage(RuleSet ruleSet, AlertPublisher publisher, LifecycleStore store, EventClock clock) {
        this.clock = clock;
        AlertEngine engine = new AlertEngine(ruleSet);
        this.publisher = publisher;
        this.rules = new RuleStage(engine);
        this.silences = new SilenceService(engine, store);
        this.lifecycles = new LifecycleService(engine, store, publisher, clock, throttle);
        this.escalator = new Escalator(engine, store);
        this.persistence = new EngineStatePersistence(engine, store);
        this.engine = engine;
    }

    public AlertPublisher publisher() {
        return publisher;
    }

    public RuleStage ruleStage() {
        return rules;
    }

    public UpdateThrottle throttle() {
        return throttle;
    }

    public SilenceService silenceService() {
        return silences;
    }

    public LifecycleService lifecycleService() {
        return lifecycles;
    }

    public Escalator escalator() {
        return escalator;
    }

    /** The clock escalation timers run on. */
    public EventClock clock() {
        return clock;
    }

    /** Picks up the grouping state and the silences saved before a restart; open alerts take their lifecycles' status. */
    public void restore() throws Exception {
        persistence.restore();
        silences.restore();
        lifecycles.reconcile();
    }

    /** Publishes the updates held back, then saves the grouping state. */
    public void save() throws Exception {
        throttle.flush(publisher);
        persistence.save();
    }

    /** New rules (a reload); the silences in force carry over. */
    public void setRules(RuleSet next) {
        silences.setRules(next);
    }

    public RuleSet rules() {
        return engine.rules();
    }

    public long suppressed() {
        return rules.suppressed();
    }

    /** What each rule did since start: matched, owned, joined, muted by what. */
    public List<RuleCounts.Counts> ruleCounts() {
        return rules.counts().report(engine.rules().rules().stream().map(r -> r.id()).toList());
    }

    public void silence(Silence s) throws Exception {
        silences.silence(s);
    }

    public boolean unsilence(String id) throws Exception {
        return silences.unsilence(id);
    }

    public List<Silence> silences() {
        return silences.silences();
    }

    /** Reminds of silences ending within the hour (wall-clock). */
    public int remind(Instant now) throws Exception {
        return silences.remind(now, publisher);
    }

    /** Takes the escalation steps due at {@code now} (the timer passes its clock's now). */
    public int escalate(Instant now) throws Exception {
        return escalator.escalate(now, publisher);
    }

    /** The routes' name for a person's step; the same steps as {@link LifecycleService.Action}. */
    public enum Action { ACKNOWLEDGE, ASSIGN, RESOLVE, SNOOZE }

    public AlertLifecycle act(String alertId, Action action, String by, String argument, Instant now) throws Exception {
        return lifecycles.act(alertId, LifecycleService.Action.valueOf(action.name()), by, argument, now);
    }

    public Optional<LifecycleStore.Versioned> lifecycle(String alertId) throws Exception {
        return lifecycles.lifecycle(alertId);
    }

    public List<String> audit(String alertId) throws Exception {
        return lifecycles.audit(alertId);
    }
}
