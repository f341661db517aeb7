package dev.firebreak.daemon.serviceclock;

import dev.firebreak.daemon.serviceclock.settings.ClockKind;
import dev.firebreak.daemon.serviceclock.settings.ServiceClockSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Severity;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.store.memory.InMemoryLifecycleStore;
import dev.firebreak.store.memory.InMemoryServiceClockRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The acknowledge and supervisor clocks follow the lifecycle; reminders and breaches go on the feed once. */
class ServiceClocksTest {
    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    final InMemoryLifecycleStore lifecycles = new InMemoryLifecycleStore();
    final List<AlertVersion> feed = new ArrayList<>();
    final ServiceClocks clocks = new ServiceClocks(new ServiceClockSettings(ServiceClockSettings.DEFAULT.bySeverity(),
            java.util.Map.of(), Duration.ofMinutes(10), 2, Set.of("王主管")), BrandAccounts.NONE,
            new InMemoryServiceClockRecords(), lifecycles);

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    Alert fire(String id) throws Exception {
        Alert a = new Alert(id, "safety-complaint", "1", Severity.P1, "weibo:" + id, T0.atOffset(ZoneOffset.ofHours(8)), "r",
                List.of("weibo:" + id), null, AlertStatus.FIRING);
        var t = AlertLifecycle.open(a);
        lifecycles.transition(id, 0, t.lifecycle().toJson(), t.audit().toJson(), true).toCompletableFuture().get();
        clocks.open(a);
        return a;
    }

    void step(String id, java.util.function.Function<AlertLifecycle, AlertLifecycle.Transition> step) throws Exception {
        var stored = lifecycles.lifecycle(id).toCompletableFuture().get().orElseThrow();
        var t = step.apply(AlertLifecycle.fromJson(stored.json()));
        assertTrue(lifecycles.transition(id, stored.version(), t.lifecycle().toJson(), t.audit().toJson(), true)
                .toCompletableFuture().get());
    }

    ServiceClock clock(String id, ClockKind kind) {
        return clocks.clocks(id).orElseThrow().clock(kind).orElseThrow();
    }

    List<String> feedRules() {
        return feed.stream().map(v -> v.alert().ruleId() + ":" + v.json().replaceAll(".*\"clock\":\"(\\w+)\".*", "$1")).toList();
    }

    @Test
    void anAcknowledgementInTimeMeetsItsClockAndOneTooLateIsABreach() throws Exception {
        fire("a1");
        fire("a2");
        step("a1", l -> l.acknowledge("小王", at(12)));
        clocks.sweep(at(15), feed::add);
        assertEquals(ServiceClock.Status.PENDING, clock("a1", ClockKind.ACKNOWLEDGE).status(),
                "the pipeline's sweep reads no lifecycle while nothing is due");
        clocks.sweepAll(at(15), feed::add);
        assertEquals(ServiceClock.Status.MET, clock("a1", ClockKind.ACKNOWLEDGE).status());
        assertEquals(at(12), clock("a1", ClockKind.ACKNOWLEDGE).metAt());
        assertEquals("acknowledge by 小王", clock("a1", ClockKind.ACKNOWLEDGE).metBy());

        clocks.sweep(at(21), feed::add);
        assertEquals(List.of("service-clock-reminder:acknowledge"), feedRules(), "a2: reminded 10 minutes before its 30");
        clocks.sweep(at(25), feed::add);
        assertEquals(1, feed.size(), "once");
        clocks.sweep(at(30), feed::add);
        assertEquals(ServiceClock.Status.BREACHED, clock("a2", ClockKind.ACKNOWLEDGE).status());
        assertEquals(List.of("service-clock-reminder:acknowledge", "service-clock:acknowledge"), feedRules());
        AlertVersion breach = feed.get(1);
        assertEquals(Severity.P2, breach.alert().severity());
        assertEquals(at(30).atOffset(ZoneOffset.ofHours(8)), breach.alert().firedAt());
        assertTrue(breach.alert().reason().contains("a2"), breach.alert().reason());
        assertTrue(breach.json().contains("\"watches\":{\"alertId\":\"a2\",\"clock\":\"acknowledge\""), breach.json());

        step("a2", l -> l.acknowledge("小李", at(40)));
        clocks.sweepAll(at(41), feed::add);   // the timer's sweep: nothing is due any more for a2's acknowledge
        ServiceClock late = clock("a2", ClockKind.ACKNOWLEDGE);
        assertEquals(ServiceClock.Status.BREACHED, late.status());
        assertEquals(at(40), late.metAt(), "the late acknowledgement's time is kept");
        assertEquals(List.of("service-clock-reminder:acknowledge", "service-clock:acknowledge"), feedRules(),
                "no second breach for the same clock");
        List<String> notes = lifecycles.audit("a2").toCompletableFuture().get();
        assertTrue(notes.stream().anyMatch(n -> n.contains("acknowledge breached: due " + at(30))), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("acknowledge reached late at " + at(40))), notes.toString());
    }

    @Test
    void theSupervisorIsReachedByTheEscalationsSecondLevelOrByAssigningToANamedSupervisor() throws Exception {
        fire("s1");
        fire("s2");
        fire("s3");
        step("s1", l -> l.escalate(1, "notify pr-oncall", at(10)));
        step("s1", l -> l.escalate(2, "notify supervisor", at(30)));
        step("s2", l -> l.assign("王主管", "小王", at(45)));
        step("s3", l -> l.assign("小李", "小王", at(45)));
        clocks.sweepAll(at(60), feed::add);
        assertEquals(ServiceClock.Status.MET, clock("s1", ClockKind.SUPERVISOR).status());
        assertEquals(at(30), clock("s1", ClockKind.SUPERVISOR).metAt());
        assertEquals("escalation level 2: notify supervisor", clock("s1", ClockKind.SUPERVISOR).metBy());
        assertEquals(at(45), clock("s2", ClockKind.SUPERVISOR).metAt());
        assertEquals("assigned to supervisor 王主管 by 小王", clock("s2", ClockKind.SUPERVISOR).metBy());
        assertEquals(ServiceClock.Status.PENDING, clock("s3", ClockKind.SUPERVISOR).status(), "小李 is no supervisor");
        assertEquals("assign by 小王", clock("s3", ClockKind.ACKNOWLEDGE).metBy(), "assigning acknowledges (late here)");
        assertEquals(at(45), clock("s3", ClockKind.ACKNOWLEDGE).metAt());
        clocks.sweep(at(24 * 60), feed::add);
        assertEquals(ServiceClock.Status.BREACHED, clock("s3", ClockKind.SUPERVISOR).status());
        assertEquals(ServiceClock.Status.MET, clock("s2", ClockKind.SUPERVISOR).status());
    }

    @Test
    void aBrandPostBeforeTheAlertFiredIsNoReplyAndOperatorAlertsKeepNoClocks() throws Exception {
        ServiceClocks withBrand = new ServiceClocks(ServiceClockSettings.DEFAULT,
                new BrandAccounts(java.util.Map.of(dev.firebreak.core.Platform.WEIBO, Set.of("u9")),
                        java.util.Map.of()), new InMemoryServiceClockRecords(), lifecycles);
        Alert a = new Alert("b1", "safety-complaint", "1", Severity.P1, "s1", at(30).atOffset(ZoneOffset.ofHours(8)), "r",
                List.of("weibo:1"), null, AlertStatus.FIRING);
        withBrand.open(a);
        var early = dev.firebreak.daemon.testing.AlertingFixtures.negative("9", "s1", 0);   // by u9 at T0+0 (10:00 +08)
        assertEquals(0, withBrand.brandReplies(List.of(early), feed::add));
        var later = dev.firebreak.daemon.testing.AlertingFixtures.negative("9", "s1", 50);
        assertEquals(1, withBrand.brandReplies(List.of(later), feed::add));
        assertEquals(Severity.P1.name(), withBrand.clocks("b1").orElseThrow().severity());
        assertTrue(withBrand.open(new Alert("op", "service-clock", "1", Severity.P2, null, a.firedAt(), "r", List.of(), null,
                AlertStatus.FIRING)).isEmpty());
        assertTrue(withBrand.open(new Alert("p4", "x", "1", Severity.P4, "s4", a.firedAt(), "r", List.of("weibo:4"), null,
                AlertStatus.FIRING)).orElseThrow().clocks().isEmpty(), "a P4 keeps no clocks");
    }
}
