package dev.firebreak.daemon.alerting;

import dev.firebreak.core.Alert;
import dev.firebreak.core.EventClock;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.store.Lifecycles;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * An alert's life after it fires: opened when it is first recorded, then the steps people take
 * (acknowledge, assign, resolve, snooze), each stored with its audit entry as one atomic step.
 */
public final class LifecycleService {
    private static final int ATTEMPTS = 3;

    private final AlertEngine engine;
    private final Lifecycles store;
    private final AlertRecorder out;
    private final EventClock clock;
    private final UpdateThrottle throttle;

    /** A person's step in an alert's lifecycle. */
    public enum Action { ACKNOWLEDGE, ASSIGN, RESOLVE, SNOOZE }

    /** {@code out}: where the alert goes again with its new status. */
    public LifecycleService(AlertEngine engine, Lifecycles store, AlertRecorder out) {
        this(engine, store, out, EventClock.eventTime(), null);
    }

    /**
     * {@code clock}: when a new alert's lifecycle (and its escalation schedule) starts. {@code throttle}:
     * drops an update it holds back once a person's step publishes a newer version.
     */
    public LifecycleService(AlertEngine engine, Lifecycles store, AlertRecorder out, EventClock clock,
                            UpdateThrottle throttle) {
        this.clock = clock;
        this.engine = engine;
        this.store = store;
        this.out = out;
        this.throttle = throttle;
    }

    /** What the feed says of where people are with an alert: its lifecycle's state and people. */
    public static Alert.Handling handling(AlertLifecycle l) {
        return new Alert.Handling(l.state().wireName(), l.acknowledgedBy(), l.assignee());
    }

    /**
     * After a restart: the engine's open alerts take the status of their stored lifecycles (a step taken
     * after the engine's state was last saved is not lost). Returns how many changed.
     */
    public int reconcile() throws Exception {
        int changed = 0;
        for (Alert a : engine.openAlerts()) {
            Optional<Lifecycles.Versioned> stored = Await.result(store.lifecycle(a.id()));
            if (stored.isEmpty()) continue;
            AlertLifecycle l = AlertLifecycle.fromJson(stored.get().json());
            if (l.status() != a.status() || (l.isAcknowledged() && a.handling() == null)) {
                engine.setStatus(a.id(), l.status(), l.isAcknowledged() ? handling(l) : a.handling());
                changed++;
            }
        }
        return changed;
    }

    /**
     * Opens the lifecycle of a newly recorded alert; returns it (the escalation schedule starts from it).
     * It opens at the clock's start for the alert's time: when it fired in a replay, when it was recorded live.
     */
    public AlertLifecycle open(Alert alert) throws Exception {
        Opening o = opening(alert);
        Await.result(o.stored());
        return o.lifecycle();
    }

    /** A lifecycle opened, and its write to the store (still on its way). */
    public record Opening(AlertLifecycle lifecycle, java.util.concurrent.CompletionStage<Boolean> stored) { }

    /**
     * As {@link #open}, without waiting for the store: the record stage opens a batch's new alerts and
     * waits for all their writes at once, one round trip's wait instead of one per alert.
     */
    public Opening opening(Alert alert) {
        AlertLifecycle.Transition t = AlertLifecycle.open(alert.id(), clock.startOf(alert.firedAt().toInstant()));
        return new Opening(t.lifecycle(), store.transition(alert.id(), 0, t.lifecycle().toJson(), t.audit().toJson(), true));
    }

    /**
     * Applies a person's step to an alert (wall-clock time), records it with its audit entry, and
     * puts the alert on the feed again with its new status. The argument is the assignee (assign),
     * the note (resolve) or the instant the snooze ends (snooze, ISO-8601). A snooze changes no status,
     * so it is not published again: receivers hear nothing, the console reads the lifecycle. Throws
     * {@link dev.firebreak.rules.lifecycle.InvalidTransitionException} for a step its state does not
     * allow, and {@link NoSuchElementException} for an alert with no lifecycle.
     */
    public AlertLifecycle act(String alertId, Action action, String by, String argument, Instant now) throws Exception {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Lifecycles.Versioned stored = Await.result(store.lifecycle(alertId))
                    .orElseThrow(() -> new NoSuchElementException("no alert \"" + alertId + "\""));
            AlertLifecycle l = AlertLifecycle.fromJson(stored.json());
            AlertLifecycle.Transition t = switch (action) {
                case ACKNOWLEDGE -> l.acknowledge(by, now);
                case ASSIGN -> l.assign(argument, by, now);
                case RESOLVE -> l.resolve(argument, by, now);
                case SNOOZE -> l.snooze(Instant.parse(argument), by, now);
            };
            boolean open = t.lifecycle().state() != AlertLifecycle.State.RESOLVED;
            if (!Await.result(store.transition(alertId, stored.version(), t.lifecycle().toJson(), t.audit().toJson(), open))) {
                continue;   // someone else's step got there first: read again
            }
            if (action == Action.SNOOZE) {
                return t.lifecycle();
            }
            // The engine's alert takes the lifecycle's status, so the versions the story's growth makes keep it.
            engine.setStatus(alertId, t.lifecycle().status(), handling(t.lifecycle()));
            Optional<Alert> alert = engine.openAlert(alertId);
            if (action == Action.RESOLVE) engine.resolve(alertId, now);
            if (alert.isPresent()) {
                if (throttle != null) throttle.forget(alertId);
                out.record(AlertVersion.update(alert.get(), System.nanoTime()));
            }
            return t.lifecycle();
        }
        throw new IllegalStateException("alert \"" + alertId + "\" is changing too fast; try again");
    }

    /** The lifecycle of an alert, as stored. */
    public Optional<Lifecycles.Versioned> lifecycle(String alertId) throws Exception {
        return Await.result(store.lifecycle(alertId));
    }

    /** The audit trail of an alert, oldest first. */
    public List<String> audit(String alertId) throws Exception {
        return Await.result(store.audit(alertId));
    }
}
