package dev.firebreak.daemon.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Severity;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.store.memory.InMemoryStateStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertPublisherTest {
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final AlertPublisher publisher = new AlertPublisher(state);
    private final List<String> heard = new ArrayList<>();

    static Alert alert(String id) {
        return new Alert(id, "neg", "1", Severity.P2, "s1", OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                "negative", List.of("weibo:1"), null, AlertStatus.FIRING);
    }

    @Test
    void aNewAlertIsRecordedOnceAndEverySubscriberHearsOfItInOrder() throws Exception {
        publisher.subscribe((r, v) -> heard.add("feed " + r.seq() + " " + v.alert().id()));
        publisher.subscribe((r, v) -> heard.add("delivery " + v.newChannels()));

        assertTrue(publisher.record(AlertVersion.fired(alert("a1"), List.of("agents"), 1)));
        assertFalse(publisher.record(AlertVersion.fired(alert("a1"), List.of("agents"), 2)), "recorded before");

        assertEquals(List.of("feed 1 a1", "delivery [agents]"), heard);
        assertEquals(1, state.latestAlerts(10).toCompletableFuture().get().size());
    }

    @Test
    void anUpdateReplacesTheRecordedAlertAndGoesOutAsAFollowUp() throws Exception {
        List<Boolean> followUps = new ArrayList<>();
        publisher.subscribe((r, v) -> followUps.add(v.followUp()));
        assertFalse(publisher.record(AlertVersion.update(alert("never"), 1)), "no alert to update");
        publisher.record(AlertVersion.fired(alert("a1"), List.of(), 1));
        assertTrue(publisher.record(AlertVersion.update(alert("a1"), 2)));

        assertEquals(List.of(false, true), followUps);
        List<RecordedAlert> latest = state.latestAlerts(10).toCompletableFuture().get();
        assertEquals(1, latest.size(), "one alert, updated");
        assertEquals(2, latest.get(0).seq(), "moved to a new sequence number");
    }

    @Test
    void storeRecordsWithoutPublishingAndFanOutPublishesLater() throws Exception {
        publisher.subscribe((r, v) -> heard.add(v.alert().id()));
        AlertVersion v = AlertVersion.fired(alert("a1"), List.of(), 1);
        RecordedAlert r = publisher.store(v).orElseThrow();
        assertEquals(List.of(), heard);
        publisher.fanOut(r, v);
        assertEquals(List.of("a1"), heard);
    }

    @Test
    void anEscalationSaysItsLevelAndDeliveryHearsItsChannels() throws Exception {
        List<String> delivered = new ArrayList<>();
        publisher.subscribe(AlertSubscriber.notifying((r, a, followUp, channels) ->
                delivered.add(a.id() + " followUp=" + followUp + " " + channels + " " + r.json().contains("\"escalationLevel\":1"))));
        publisher.record(AlertVersion.fired(alert("a1"), List.of("agents"), 1));
        publisher.record(AlertVersion.escalation(alert("a1"), 1, List.of("supervisor"), 2));
        assertEquals(List.of("a1 followUp=false [agents] false", "a1 followUp=true [supervisor] true"), delivered);
    }
}
