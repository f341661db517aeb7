package dev.firebreak.rules.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.rules.lifecycle.AlertLifecycle.State;
import dev.firebreak.rules.lifecycle.AlertLifecycle.Transition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The replied step: the state stays, the audit keeps who answered publicly and where. */
class AlertLifecycleReplyTest {
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final String LINK = "https://weibo.com/5968130293/4890213400000000";

    @Test
    void aReplyKeepsTheStateAndIsAudited() {
        AlertLifecycle ack = AlertLifecycle.open("a1", T0).lifecycle().acknowledge("小王", T0.plusSeconds(60)).lifecycle();
        Transition t = ack.replied(LINK, "小王", T0.plusSeconds(600));
        assertEquals(State.ACKNOWLEDGED, t.lifecycle().state());
        assertEquals("小王", t.lifecycle().acknowledgedBy());
        assertEquals(new AuditEntry("a1", T0.plusSeconds(600), "小王", "replied", "acknowledged", "acknowledged", LINK),
                t.audit());
    }

    @Test
    void aReplyOnAResolvedAlertIsStillRecorded() {
        AlertLifecycle resolved = AlertLifecycle.open("a1", T0).lifecycle().resolve("refunded", "小王", T0).lifecycle();
        assertEquals(State.RESOLVED, resolved.replied(LINK, "小王", T0.plusSeconds(5)).lifecycle().state());
    }

    @Test
    void aReplyNeedsWhoAndWhere() {
        AlertLifecycle open = AlertLifecycle.open("a1", T0).lifecycle();
        assertEquals("cannot record a reply on alert a1: say who replied",
                assertThrows(InvalidTransitionException.class, () -> open.replied(LINK, " ", T0)).getMessage());
        assertEquals("cannot record a reply on alert a1: say the link to the reply",
                assertThrows(InvalidTransitionException.class, () -> open.replied(null, "小王", T0)).getMessage());
    }
}
