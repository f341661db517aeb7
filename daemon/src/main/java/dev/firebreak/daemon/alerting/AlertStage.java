package dev.firebreak.daemon.alerting;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.daemon.pipeline.AlertRecorder;
import dev.firebreak.store.LifecycleStore;
import dev.firebreak.stories.StorySnapshot;
import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import dev.firebreak.rules.engine.EngineState;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.rules.lifecycle.EscalationSchedule;
import dev.firebreak.rules.model.AlertRule;
import dev.firebreak.rules.model.EscalationStep;
import dev.firebreak.rules.model.RuleSet;
import dev.firebreak.rules.model.Silence;
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
    private volatile List<Silence> silences = List.of();
    private final java.util.Set<String> reminded = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
        List<Silence> stored = new java.util.ArrayList<>();
        for (String json : join(lifecycles.silences())) stored.add(dev.firebreak.core.FirebreakJson.read(json, Silence.class));
        silences = List.copyOf(stored);
        engine.setRules(engine.rules().withSilences(silences));
    }

    public void save() throws Exception {
        flushUpdates();
        join(lifecycles.saveEngineState(engine.snapshot().toJson()));
    }

    /** New rules (a reload); the silences in force carry over. */
    public void setRules(RuleSet rules) {
        engine.setRules(rules.withSilences(silences));
    }

    /**
     * Adds or replaces a silence; its match must parse ({@link IllegalArgumentException} otherwise,
     * {@code silence "id": match: column N: ...}). Stored in Redis, so it survives a restart.
     */
    public void silence(Silence s) throws Exception {
        List<Silence> next = new java.util.ArrayList<>(silences.stream().filter(x -> !x.id().equals(s.id())).toList());
        next.add(s);
        RuleSet rules = engine.rules().withSilences(next);   // compiles: a bad match stops here
        join(lifecycles.saveSilence(s.id(), dev.firebreak.core.FirebreakJson.write(s)));
        silences = List.copyOf(next);
        engine.setRules(rules);
    }

    public boolean unsilence(String id) throws Exception {
        boolean removed = join(lifecycles.deleteSilence(id));
        silences = silences.stream().filter(x -> !x.id().equals(id)).toList();
        engine.setRules(engine.rules().withSilences(silences));
        return removed;
    }

    public List<Silence> silences() {
        return silences;
    }

    /**
     * Puts a reminder on the feed (rule {@code silence-expiring}, P4) for each silence that ends
     * within an hour of {@code now}, once per silence. Returns how many.
     */
    public int remind(Instant now) throws Exception {
        int n = 0;
        for (Silence s : remindersDue(now, java.time.Duration.ofHours(1))) {
            String reason = "静默即将到期：" + s.reason() + "（" + s.creator() + "，到期 " + s.expiresAt() + "）/ Silence \""
                    + s.id() + "\" by " + s.creator() + " ends at " + s.expiresAt() + ": " + s.reason();
            Alert a = new Alert(dev.firebreak.rules.RuleVersion.alertId("silence-expiring", s.id() + "@" + s.expiresAt()),
                    "silence-expiring", "1", dev.firebreak.core.Severity.P4, null, now.atOffset(java.time.ZoneOffset.ofHours(8)),
                    reason, List.of(), null, AlertStatus.FIRING);
            if (recorder.record(a, System.nanoTime())) n++;
        }
        return n;
    }

    /** Silences that end within {@code before} of {@code now} and have not been reminded of yet. */
    public List<Silence> remindersDue(Instant now, java.time.Duration before) {
        List<Silence> due = engine.rules().silences().remindersDue(now, before).stream()
                .filter(s -> reminded.add(s.id() + "@" + s.expiresAt())).toList();
        return due;
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
                        if (recorder.record(d.alert(), arrivalNanos, d.rule().channels())) {
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
                recorder.escalate(alert.get(), System.nanoTime(), step.level(), step.channels());
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

    /** A person's step in an alert's lifecycle: acknowledge, assign, resolve or snooze. */
    public enum Action { ACKNOWLEDGE, ASSIGN, RESOLVE, SNOOZE }

    /**
     * Applies a person's step to an alert (wall-clock time), records it with its audit entry, and
     * puts the alert on the feed again with its new status. The argument is the assignee (assign),
     * the note (resolve) or the instant the snooze ends (snooze, ISO-8601). A snooze changes no status,
     * so it is not published again: receivers hear nothing, the console reads the lifecycle. Throws
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
                case SNOOZE -> l.snooze(Instant.parse(argument), by, now);
            };
            boolean open = t.lifecycle().state() != AlertLifecycle.State.RESOLVED;
            if (!join(lifecycles.transition(alertId, stored.version(), t.lifecycle().toJson(), t.audit().toJson(), open))) {
                continue;   // someone else's step got there first: read again
            }
            if (action == Action.SNOOZE) {
                return t.lifecycle();
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
