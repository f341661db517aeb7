package dev.firebreak.rules.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.FirebreakJson;
import java.time.Instant;
import java.util.Locale;

/**
 * Where an alert is in its life, as pure transitions: each returns the next lifecycle and its audit
 * entry, or throws {@link InvalidTransitionException}. Allowed:
 * <pre>
 *   open ──acknowledge(by)──▶ acknowledged ──assign(to)──▶ assigned ──assign(other)──▶ assigned
 *   open ──assign(to)──▶ assigned            (assigning acknowledges: by is recorded as acknowledgedBy)
 *   open | acknowledged | assigned ──resolve(note)──▶ resolved   (a note is required)
 *   open ──escalate(level)──▶ open           (only while unacknowledged; the level must go up)
 *   open | acknowledged | assigned ──snooze(until)──▶ same state, snoozed until then
 *   any state ──replied(link)──▶ same state   (a person answered publicly; the audit keeps the link)
 * </pre>
 * A snooze keeps the state and sets {@code snoozedUntil}: escalation waits until then, and the
 * console greys the alert out. Any later person's step (acknowledge, assign, resolve) ends the snooze.
 * Nothing leaves {@code resolved}: if the story flares up again the engine raises a new alert.
 *
 * @param escalationLevel the last escalation step notified (0: none yet)
 * @param snoozedUntil     until when a person put it aside (null: never snoozed, or the snooze was ended)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertLifecycle(String alertId, State state, Instant openedAt, String acknowledgedBy, String assignee,
                             int escalationLevel, String resolution, Instant updatedAt,
                             Instant snoozedUntil) {

    public enum State {
        OPEN, ACKNOWLEDGED, ASSIGNED, RESOLVED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The system as the actor of escalations. */
    public static final String SYSTEM = "firebreak";

    /** A fired alert's lifecycle, opened at its firing (event) time, with the audit entry of the opening. */
    public static Transition open(Alert alert) {
        return open(alert.id(), alert.firedAt().toInstant());
    }

    public static Transition open(String alertId, Instant at) {
        AlertLifecycle l = new AlertLifecycle(alertId, State.OPEN, at, null, null, 0, null, at, null);
        return new Transition(l, new AuditEntry(alertId, at, SYSTEM, "open", null, "open", null));
    }

    /** The alert status the feed shows: firing, acknowledged (also when assigned) or resolved. */
    @JsonIgnore
    public AlertStatus status() {
        return switch (state) {
            case OPEN -> AlertStatus.FIRING;
            case ACKNOWLEDGED, ASSIGNED -> AlertStatus.ACKNOWLEDGED;
            case RESOLVED -> AlertStatus.RESOLVED;
        };
    }

    /** Whether someone has taken it: escalation stops then. */
    @JsonIgnore
    public boolean isAcknowledged() {
        return state != State.OPEN;
    }

    public Transition acknowledge(String by, Instant at) {
        need(by, "acknowledge", "who acknowledges it");
        switch (state) {
            case OPEN:
                return to(State.ACKNOWLEDGED, by, null, escalationLevel, null, at, "acknowledge", by, null);
            case ACKNOWLEDGED:
                throw invalid("acknowledge", "it is already acknowledged by " + acknowledgedBy);
            case ASSIGNED:
                throw invalid("acknowledge", "it is already assigned to " + assignee);
            default:
                throw invalid("acknowledge", "it is resolved");
        }
    }

    public Transition assign(String to, String by, Instant at) {
        need(to, "assign", "whom to assign it to");
        need(by, "assign", "who assigns it");
        if (state == State.RESOLVED) {
            throw invalid("assign", "it is resolved");
        }
        if (state == State.ASSIGNED && to.equals(assignee)) {
            throw invalid("assign", "it is already assigned to " + to);
        }
        return to(State.ASSIGNED, acknowledgedBy == null ? by : acknowledgedBy, to, escalationLevel, null, at,
                "assign", by, "to " + to);
    }

    public Transition resolve(String note, String by, Instant at) {
        need(by, "resolve", "who resolves it");
        if (state == State.RESOLVED) {
            throw invalid("resolve", "it is already resolved (" + resolution + ")");
        }
        need(note, "resolve", "a note saying how it was resolved");
        return to(State.RESOLVED, acknowledgedBy, assignee, escalationLevel, note, at, "resolve", by, note);
    }

    /** Whether a snooze is in force at {@code now}. */
    public boolean isSnoozedAt(Instant now) {
        return snoozedUntil != null && snoozedUntil.isAfter(now);
    }

    /**
     * Puts the alert aside until {@code until} (after {@code at}); a later snooze replaces an earlier one.
     * The state does not change; escalation waits until then.
     */
    public Transition snooze(Instant until, String by, Instant at) {
        need(by, "snooze", "who snoozes it");
        if (state == State.RESOLVED) {
            throw invalid("snooze", "it is resolved");
        }
        if (until == null || !until.isAfter(at)) {
            throw invalid("snooze", "the snooze must end after now");
        }
        AlertLifecycle l = new AlertLifecycle(alertId, state, openedAt, acknowledgedBy, assignee, escalationLevel,
                resolution, at, until);
        return new Transition(l, new AuditEntry(alertId, at, by, "snooze", state.wireName(), state.wireName(),
                "until " + until));
    }

    /**
     * A person answered the complaint publicly, at {@code link}: the state (and any snooze) stays, the
     * audit entry keeps who and where; the first-reply service clock reads it.
     */
    public Transition replied(String link, String by, Instant at) {
        need(by, "record a reply on", "who replied");
        need(link, "record a reply on", "the link to the reply");
        AlertLifecycle l = new AlertLifecycle(alertId, state, openedAt, acknowledgedBy, assignee, escalationLevel,
                resolution, at, snoozedUntil);
        return new Transition(l, new AuditEntry(alertId, at, by, "replied", state.wireName(), state.wireName(), link));
    }

    /** The escalation timer notified step {@code level}; {@code note} says whom (e.g. {@code level 1: supervisor}). */
    public Transition escalate(int level, String note, Instant at) {
        if (state != State.OPEN) {
            throw invalid("escalate", state == State.RESOLVED ? "it is resolved"
                    : "it is " + state.wireName() + " by " + (state == State.ASSIGNED ? assignee : acknowledgedBy));
        }
        if (level <= escalationLevel) {
            throw invalid("escalate", "to level " + level + ": it is already at level " + escalationLevel);
        }
        return to(State.OPEN, null, null, level, null, at, "escalate", SYSTEM, note == null ? "level " + level : note);
    }

    private Transition to(State next, String ackBy, String assignedTo, int level, String note, Instant at,
                          String action, String by, String auditNote) {
        Instant snooze = action.equals("escalate") ? snoozedUntil : null;   // a person's step ends a snooze
        AlertLifecycle l = new AlertLifecycle(alertId, next, openedAt, ackBy, assignedTo, level, note, at, snooze);
        return new Transition(l, new AuditEntry(alertId, at, by, action, state.wireName(), next.wireName(), auditNote));
    }

    private InvalidTransitionException invalid(String action, String because) {
        return new InvalidTransitionException("cannot " + action + " alert " + alertId + ": " + because);
    }

    private void need(String value, String action, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidTransitionException("cannot " + action + " alert " + alertId + ": say " + what);
        }
    }

    public String toJson() {
        return FirebreakJson.write(this);
    }

    public static AlertLifecycle fromJson(String json) {
        return FirebreakJson.read(json, AlertLifecycle.class);
    }

    /** A lifecycle step: the next lifecycle and the audit entry that records it. */
    public record Transition(AlertLifecycle lifecycle, AuditEntry audit) { }
}
