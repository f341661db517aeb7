package dev.firebreak.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.Alert;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.state.redis.RedisDeliveryRecords;
import dev.firebreak.state.redis.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which endpoints get which version of an alert, and as what (new or follow-up). */
class DeliveryServiceTest {
    SimulatedClock clock;
    DeliveryService service;
    FakeReceiver pr;
    FakeReceiver room;
    FakeReceiver sub;

    @BeforeEach
    void setUp() throws Exception {
        clock = new SimulatedClock(DispatcherTest.T0);
        DeliveryStore store = new DeliveryStore(new RedisDeliveryRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":"));
        service = new DeliveryService(store, clock, new RetryPolicy(RetryPolicy.STEPS, 5, Duration.ofSeconds(30),
                Duration.ofMinutes(10), () -> 0.5));
        pr = add("pr-oncall", "pr-oncall");
        room = add("pr-room", "pr-room");
        sub = add("sub_1", "pr-oncall");   // a PR subscription attached to pr-oncall
        clock.runFor(1);
    }

    FakeReceiver add(String id, String channel) {
        FakeReceiver r = new FakeReceiver(id, Integer.MAX_VALUE, clock, at -> SendResult.ok(200));
        // allowPrivate: the fake sends nowhere, and the guard would otherwise look the name up in DNS
        service.add(new Endpoint(id, "webhook", channel, "https://example.com/" + id, List.of(), true, null, r));
        return r;
    }

    static Alert alert() throws Exception {
        return FirebreakJson.mapper().readValue("{\"id\":\"a1\",\"ruleId\":\"r\",\"ruleVersion\":1,\"severity\":\"P2\","
                + "\"storyId\":\"s1\",\"firedAt\":\"2026-11-20T02:15:00Z\",\"reason\":\"x\",\"mentions\":[\"weibo:1\"],"
                + "\"story\":{\"size\":1,\"velocity\":0,\"predictedSize\":1,\"reach\":0},\"status\":\"firing\"}", Alert.class);
    }

    @Test
    void followUpsGoWhereTheAlertWentAndEscalationAddsReceivers() throws Exception {
        Alert a = alert();
        service.notify(new RecordedAlert(1, "{\"v\":1}"), a, false, List.of("agents", "pr-oncall"));
        clock.runFor(1_000);
        assertEquals(1, pr.sent.size());
        assertEquals(1, sub.sent.size(), "a subscription on pr-oncall gets it too");
        assertEquals(0, room.sent.size(), "agents is the feed alone; pr-room was not named");
        assertEquals(false, pr.sent.get(0).deliveries().get(0).followUp());

        service.notify(new RecordedAlert(2, "{\"v\":2}"), a, true, List.of());   // the story grew
        clock.runFor(1_000);
        assertEquals(2, pr.sent.size());
        assertEquals(2, sub.sent.size());
        assertEquals(0, room.sent.size());
        assertEquals(true, pr.sent.get(1).deliveries().get(0).followUp());

        service.notify(new RecordedAlert(3, "{\"v\":3}"), a, true, List.of("pr-room"));   // an escalation step
        clock.runFor(1_000);
        assertEquals(3, pr.sent.size());
        assertEquals(1, room.sent.size());
        assertEquals(false, room.sent.get(0).deliveries().get(0).followUp(), "new to pr-room: it is a new alert there");
        assertEquals(true, pr.sent.get(2).deliveries().get(0).followUp());
        assertEquals("{\"v\":3}", room.sent.get(0).deliveries().get(0).alertJson());

        service.notify(new RecordedAlert(3, "{\"v\":3}"), a, true, List.of("pr-room"));   // the same version again
        clock.runFor(1_000);
        assertEquals(3, pr.sent.size(), "one message per alert version and endpoint");
        assertEquals(DeliveryService.messageId("a1", 1, "pr-oncall"), pr.sent.get(0).deliveries().get(0).id());
    }
}
