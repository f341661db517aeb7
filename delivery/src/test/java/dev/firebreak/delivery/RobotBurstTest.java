package dev.firebreak.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Severity;
import dev.firebreak.delivery.robot.FakeRobot;
import dev.firebreak.delivery.channels.RobotReceivers;
import dev.firebreak.delivery.robot.RobotTestKit;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.state.redis.RedisDeliveryRecords;
import dev.firebreak.state.redis.testing.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The whole robot path in real time: alerts queued by the delivery service, sent by the dispatcher
 * through the real DingTalk receiver to a fake DingTalk that, like the real one, locks a robot that
 * sends more than 20 messages in a minute (errcode 130101).
 */
class RobotBurstTest {
    private static final String SECRET = "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc";
    private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private static final String LOCKED = "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}";

    @Test
    void aBurstOfAHundredAlertsIsAtMostTwentyDingTalkMessagesInTheMinuteWithNothingLost() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<String> answers = new CopyOnWriteArrayList<>();
        // The first message is answered only once the whole burst is queued, as over a slow network; otherwise
        // on a busy machine the alerts trickle in one by one, each goes alone, and the overflow waits a minute.
        CountDownLatch burstQueued = new CountDownLatch(1);
        try (FakeRobot dingtalk = new FakeRobot(OK); SystemDeliveryClock clock = new SystemDeliveryClock()) {
            dingtalk.answer(r -> {
                awaitQuietly(burstQueued);
                long now = System.currentTimeMillis();
                arrivals.add(now);
                boolean locked = arrivals.stream().filter(t -> t > now - 60_000).count() > 20;
                answers.add(locked ? "locked" : "ok");
                return new FakeRobot.Reply(200, locked ? LOCKED : OK);
            });
            DeliveryStore store = new DeliveryStore(new RedisDeliveryRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":"));
            DeliveryService service = new DeliveryService(store, clock, RetryPolicy.standard());
            ChannelConfig duty = new ChannelConfig("duty-ding", "dingtalk",
                    dingtalk.base() + "/robot/send?access_token=dd0123456789abcdef", List.of(SECRET), List.of(), 20, true);
            service.add(new Endpoint(duty.id(), duty.type(), duty.id(), duty.url(), duty.secrets(), true, null,
                    RobotReceivers.create(duty, dingtalk.client, RobotTestKit.LINKS)));

            long start = System.currentTimeMillis();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Alert a = RobotTestKit.alert("burst-" + i, Severity.P2, AlertStatus.FIRING, 10 + i,
                        "暖途电暖器N3漏电投诉（第" + i + "条）");
                service.notify(new RecordedAlert(i + 1, FirebreakJson.write(a)), a, false, List.of("duty-ding"));
                ids.add(DeliveryService.messageId(a.id(), i + 1, duty.id()));
            }
            burstQueued.countDown();
            awaitDrained(service, duty.id());
            // Nothing is left to send late: no delivery is queued, none in flight, and every task the last
            // send left on the delivery thread has run; so the requests seen now are all there will be.
            CompletableFuture<Void> idle = new CompletableFuture<>();
            clock.execute(() -> idle.complete(null));
            idle.get(10, TimeUnit.SECONDS);
            assertEquals(0, store.pendingCount(duty.id()), "nothing queued once the delivery thread is idle");
            assertFalse(service.dispatcher(duty.id()).inFlight(), "no send in flight once the delivery thread is idle");
            service.close();

            assertTrue(System.currentTimeMillis() - start < 60_000, "the check ran inside the burst's minute");
            assertEquals(20, dingtalk.requests.size(), "messages in the minute");
            assertEquals(List.of(), answers.stream().filter("locked"::equals).toList(), "the robot was never locked");
            for (String id : ids) {
                assertEquals(TrackedDelivery.DELIVERED, store.get(id).status(), "delivery " + id);
            }
            assertEquals(0, store.deadCount(duty.id()));
            // 19 alerts alone (the first, then 18 more), then one digest that lists or counts the other 81
            String digest = dingtalk.requests.get(19).body().getJsonObject("markdown").getString("text");
            RobotTestKit.assertAllAccountedFor(digest, 81);
        }
    }

    /** Polls (the queue lives in Redis) until the endpoint's queue is empty and no send is in flight. */
    private static void awaitDrained(DeliveryService service, String endpoint) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (service.store().pendingCount(endpoint) > 0 || service.dispatcher(endpoint).inFlight()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + endpoint + "'s queue to drain; "
                        + service.store().pendingCount(endpoint) + " still pending");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
