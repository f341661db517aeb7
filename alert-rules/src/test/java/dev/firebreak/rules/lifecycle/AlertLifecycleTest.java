package dev.firebreak.rules.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.AlertStatus;
import dev.firebreak.rules.lifecycle.AlertLifecycle.State;
import dev.firebreak.rules.lifecycle.AlertLifecycle.Transition;
import dev.firebreak.rules.model.EscalationPolicy;
import dev.firebreak.rules.model.EscalationStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    @Test
    void openAcknowledgeAssignResolveWithAnAuditTrail() {
        Transition open = AlertLifecycle.open("a1", T0);
        assertEquals(new AuditEntry("a1", T0, "firebreak", "open", null, "open", null), open.audit());
        Transition ack = open.lifecycle().acknowledge("alice", at(3));
        assertEquals(State.ACKNOWLEDGED, ack.lifecycle().state());
        assertEquals(AlertStatus.ACKNOWLEDGED, ack.lifecycle().status());
        assertEquals(new AuditEntry("a1", at(3), "alice", "acknowledge", "open", "acknowledged", null), ack.audit());
        Transition assign = ack.lifecycle().assign("bob", "alice", at(4));
        assertEquals("bob", assign.lifecycle().assignee());
        assertEquals("alice", assign.lifecycle().acknowledgedBy());
        assertEquals(new AuditEntry("a1", at(4), "alice", "assign", "acknowledged", "assigned", "to bob"), assign.audit());
        Transition reassign = assign.lifecycle().assign("carol", "alice", at(5));
        assertEquals(new AuditEntry("a1", at(5), "alice", "assign", "assigned", "assigned", "to carol"), reassign.audit());
        Transition resolve = reassign.lifecycle().resolve("refunded the customer; post deleted", "carol", at(60));
        assertEquals(State.RESOLVED, resolve.lifecycle().state());
        assertEquals(AlertStatus.RESOLVED, resolve.lifecycle().status());
        assertEquals(new AuditEntry("a1", at(60), "carol", "resolve", "assigned", "resolved",
                "refunded the customer; post deleted"), resolve.audit());
        assertEquals(T0, resolve.lifecycle().openedAt());

        AlertLifecycle back = AlertLifecycle.fromJson(resolve.lifecycle().toJson());
        assertEquals(resolve.lifecycle(), back);
        assertTrue(resolve.audit().toJson().contains("\"action\":\"resolve\""), resolve.audit().toJson());
    }

    @Test
    void assigningAnOpenAlertAcknowledgesIt() {
        Transition t = AlertLifecycle.open("a1", T0).lifecycle().assign("bob", "alice", at(1));
        assertEquals(State.ASSIGNED, t.lifecycle().state());
        assertEquals("alice", t.lifecycle().acknowledgedBy());
        assertTrue(t.lifecycle().isAcknowledged());
    }

    @Test
    void invalidTransitionsAreRefusedWithAReason() {
        AlertLifecycle open = AlertLifecycle.open("a1", T0).lifecycle();
        AlertLifecycle acked = open.acknowledge("alice", at(1)).lifecycle();
        AlertLifecycle assigned = acked.assign("bob", "alice", at(2)).lifecycle();
        AlertLifecycle resolved = assigned.resolve("done", "bob", at(3)).lifecycle();
        assertEquals("cannot acknowledge alert a1: it is already acknowledged by alice",
                assertThrows(InvalidTransitionException.class, () -> acked.acknowledge("carol", at(4))).getMessage());
        assertEquals("cannot acknowledge alert a1: it is already assigned to bob",
                assertThrows(InvalidTransitionException.class, () -> assigned.acknowledge("carol", at(4))).getMessage());
        assertEquals("cannot assign alert a1: it is already assigned to bob",
                assertThrows(InvalidTransitionException.class, () -> assigned.assign("bob", "alice", at(4))).getMessage());
        assertEquals("cannot resolve alert a1: it is already resolved (done)",
                assertThrows(InvalidTransitionException.class, () -> resolved.resolve("again", "bob", at(4))).getMessage());
        assertEquals("cannot acknowledge alert a1: it is resolved",
                assertThrows(InvalidTransitionException.class, () -> resolved.acknowledge("bob", at(4))).getMessage());
        assertEquals("cannot assign alert a1: it is resolved",
                assertThrows(InvalidTransitionException.class, () -> resolved.assign("x", "bob", at(4))).getMessage());
        assertEquals("cannot resolve alert a1: say a note saying how it was resolved",
                assertThrows(InvalidTransitionException.class, () -> open.resolve(" ", "bob", at(4))).getMessage());
        assertEquals("cannot acknowledge alert a1: say who acknowledges it",
                assertThrows(InvalidTransitionException.class, () -> open.acknowledge(null, at(4))).getMessage());
        assertEquals("cannot escalate alert a1: it is acknowledged by alice",
                assertThrows(InvalidTransitionException.class, () -> acked.escalate(1, null, at(4))).getMessage());
        assertEquals("cannot escalate alert a1: it is resolved",
                assertThrows(InvalidTransitionException.class, () -> resolved.escalate(1, null, at(4))).getMessage());
        AlertLifecycle level2 = open.escalate(2, "level 2: supervisor", at(20)).lifecycle();
        assertEquals("cannot escalate alert a1: to level 2: it is already at level 2",
                assertThrows(InvalidTransitionException.class, () -> level2.escalate(2, null, at(21))).getMessage());
    }

    @Test
    void escalationIsAnAuditedTransitionThatKeepsItOpen() {
        Transition t = AlertLifecycle.open("a1", T0).lifecycle().escalate(1, "level 1: supervisor", at(15));
        assertEquals(State.OPEN, t.lifecycle().state());
        assertEquals(1, t.lifecycle().escalationLevel());
        assertEquals(new AuditEntry("a1", at(15), "firebreak", "escalate", "open", "open", "level 1: supervisor"), t.audit());
    }

    @Test
    void theScheduleSaysWhichStepsAreDueAndNotYetNotified() {
        EscalationPolicy policy = new EscalationPolicy("pr-chain", List.of(
                new EscalationStep(1, Duration.ofMinutes(15), List.of("supervisor")),
                new EscalationStep(2, Duration.ofHours(1), List.of("pr-lead")),
                new EscalationStep(3, Duration.ofMinutes(90), List.of("pr-lead", "supervisor"))));
        assertEquals(List.of(), EscalationSchedule.due(T0, false, at(14), policy));
        assertEquals(List.of(policy.steps().get(0)), EscalationSchedule.due(T0, false, at(15), policy));
        assertEquals(policy.steps().subList(0, 2), EscalationSchedule.due(T0, false, at(61), policy),
                "a timer that slept through two steps gets both");
        assertEquals(List.of(policy.steps().get(1)), EscalationSchedule.due(T0, false, at(61), policy, 1));
        assertEquals(List.of(), EscalationSchedule.due(T0, true, at(200), policy), "acknowledged: no escalation");
        assertEquals(List.of(), EscalationSchedule.due(T0, false, at(200), null));

        AlertLifecycle l = AlertLifecycle.open("a1", T0).lifecycle();
        assertEquals(Optional.of(at(15)), EscalationSchedule.next(l, policy));
        for (EscalationStep s : EscalationSchedule.due(l, at(16), policy)) {
            l = l.escalate(s.level(), "level " + s.level() + ": " + String.join(", ", s.channels()), at(16)).lifecycle();
        }
        assertEquals(1, l.escalationLevel());
        assertEquals(List.of(), EscalationSchedule.due(l, at(16), policy), "not notified twice");
        assertEquals(Optional.of(at(60)), EscalationSchedule.next(l, policy));
        l = l.acknowledge("alice", at(20)).lifecycle();
        assertFalse(EscalationSchedule.next(l, policy).isPresent());
    }

    @Test
    void aSnoozeHoldsEscalationUntilItEndsAndIsInTheAudit() {
        EscalationPolicy policy = new EscalationPolicy("pr-chain", List.of(
                new EscalationStep(1, Duration.ofMinutes(15), List.of("supervisor"))));
        AlertLifecycle l = AlertLifecycle.open("a1", T0).lifecycle();
        Transition snooze = l.snooze(at(65), "alice", at(5));
        assertEquals(State.OPEN, snooze.lifecycle().state(), "a snooze keeps the state");
        assertEquals(at(65), snooze.lifecycle().snoozedUntil());
        assertEquals(new AuditEntry("a1", at(5), "alice", "snooze", "open", "open", "until " + at(65)), snooze.audit());
        AlertLifecycle snoozed = snooze.lifecycle();
        l = snoozed;
        assertTrue(l.isSnoozedAt(at(64)));
        assertEquals(List.of(), EscalationSchedule.due(l, at(30), policy), "step 1 was due at 15 min: it waits");
        assertEquals(Optional.of(at(65)), EscalationSchedule.next(l, policy), "the timer looks again when the snooze ends");
        assertEquals(List.of(policy.steps().get(0)), EscalationSchedule.due(l, at(65), policy));
        AlertLifecycle escalated = l.escalate(1, "level 1", at(65)).lifecycle();
        assertEquals(at(65), escalated.snoozedUntil(), "escalating keeps the snooze on record");
        assertEquals(null, l.acknowledge("bob", at(10)).lifecycle().snoozedUntil(), "a person's step ends the snooze");
        InvalidTransitionException past = assertThrows(InvalidTransitionException.class, () -> snoozed.snooze(at(1), "alice", at(5)));
        assertEquals("cannot snooze alert a1: the snooze must end after now", past.getMessage());
        AlertLifecycle resolved = l.resolve("done", "bob", at(20)).lifecycle();
        InvalidTransitionException done = assertThrows(InvalidTransitionException.class,
                () -> resolved.snooze(at(80), "alice", at(21)));
        assertEquals("cannot snooze alert a1: it is resolved", done.getMessage());
    }
}
