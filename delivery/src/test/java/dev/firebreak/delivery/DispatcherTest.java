package dev.firebreak.delivery;

import dev.firebreak.core.RetryAfter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.state.redis.RedisDeliveryRecords;
import dev.firebreak.state.redis.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher against a fake receiver, in simulated time, with its state in a real Redis. */
class DispatcherTest {
    static final long T0 = 1_800_000_000_000L;
    static final long MIN = 60_000;
    static final long HOUR = 60 * MIN;

    SimulatedClock clock;
    DeliveryStore store;
    RetryPolicy policy;
    long seq;

    @BeforeEach
    void setUp() throws Exception {
        clock = new SimulatedClock(T0);
        store = new DeliveryStore(new RedisDeliveryRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":"));
        Random random = new Random(7);
        policy = new RetryPolicy(RetryPolicy.STEPS, 5, Duration.ofSeconds(30), Duration.ofMinutes(10), random::nextDouble);
    }

    Dispatcher dispatcher(FakeReceiver r) {
        Dispatcher d = new Dispatcher(r, store, clock, policy, () -> null);
        d.start();
        return d;
    }

    TrackedDelivery queue(Dispatcher d, String story) {
        long s = ++seq;
        Delivery delivery = new Delivery("msg_" + story + "_" + s + "_" + d.endpointId(), d.endpointId(), "alert-" + story,
                story, s, false, "{\"id\":\"alert-" + story + "\",\"seq\":" + s + "}", clock.now());
        assertTrue(store.enqueue(delivery));
        TrackedDelivery t = new TrackedDelivery(delivery);
        d.offer(t);
        return t;
    }

    @Test
    void aReceiverDownForAnHourGetsEveryAlertExactlyOnceInOrderPerStory() {
        FakeReceiver r = new FakeReceiver("pr", Integer.MAX_VALUE, clock,
                at -> at < T0 + HOUR ? SendResult.retry(503, null, "HTTP 503") : SendResult.ok(200));
        Dispatcher d = dispatcher(r);
        List<String> queued = new ArrayList<>();
        String[] stories = {"s1", "s2", "s3", "s4"};
        for (int i = 0; i < 50; i++) {   // one every 2 minutes for 100 minutes: before, during and after the outage
            queued.add(queue(d, stories[i % 4]).id());
            clock.runFor(2 * MIN);
        }
        clock.runFor(20 * HOUR);
        Map<String, Integer> okById = new HashMap<>();
        r.deliveredIds().forEach(id -> okById.merge(id, 1, Integer::sum));
        for (String id : queued) {
            assertEquals(1, okById.getOrDefault(id, 0), "2xx count for " + id);
        }
        assertEquals(queued.size(), okById.size());
        assertTrue(r.sent.stream().anyMatch(s -> !s.result().delivered()), "the outage was seen");
        assertTrue(r.sent.stream().filter(s -> s.at() < T0 + HOUR).allMatch(s -> !s.result().delivered()));
        for (String story : stories) {   // in order per story: seq rises along what was taken
            List<Long> seqs = r.sent.stream().filter(s -> s.result().delivered()).flatMap(s -> s.deliveries().stream())
                    .filter(x -> x.storyId().equals(story)).map(Delivery::seq).toList();
            assertEquals(seqs.stream().sorted().toList(), seqs, "order of story " + story);
        }
        assertEquals(0, store.deadCount("pr"));
        assertEquals(0, store.pendingCount("pr"));
        long recoveredWithin = r.sent.stream().filter(s -> s.result().delivered()).mapToLong(Sent -> Sent.at()).min().orElseThrow() - (T0 + HOUR);
        assertTrue(recoveredWithin <= 11 * MIN, "the breaker probes at most every 10 min: " + recoveredWithin);
    }

    @Test
    void retryAfterIsHonoured() {
        int[] calls = {0};
        FakeReceiver r = new FakeReceiver("pr", Integer.MAX_VALUE, clock,
                at -> calls[0]++ == 0 ? SendResult.retry(429, Duration.ofSeconds(300), "HTTP 429") : SendResult.ok(200));
        Dispatcher d = dispatcher(r);
        TrackedDelivery t = queue(d, "s1");
        clock.runFor(10 * MIN);
        assertEquals(2, r.sent.size());
        assertEquals(300_000, r.sent.get(1).at() - r.sent.get(0).at());
        assertEquals(TrackedDelivery.DELIVERED, store.get(t.id()).status());
        assertEquals(T0 + 300_000, store.attempts(t.id()).get(0).getLong("nextAttempt"));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", T0));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse(
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        java.time.Instant.ofEpochMilli(T0 + 90_000).atZone(java.time.ZoneOffset.UTC)), T0));
        assertNull(RetryAfter.parse("soon", T0));
    }

    @Test
    void goneDisablesTheEndpointUntilAnAdminEnablesIt() {
        boolean[] back = {false};
        FakeReceiver r = new FakeReceiver("pr", Integer.MAX_VALUE, clock,
                at -> back[0] ? SendResult.ok(200) : SendResult.gone(410, "HTTP 410 Gone"));
        Dispatcher d = dispatcher(r);
        TrackedDelivery t = queue(d, "s1");
        queue(d, "s2");
        clock.runFor(HOUR);
        assertEquals(1, r.sent.size(), "nothing more goes to a gone endpoint");
        assertTrue(store.endpointState("pr").disabledReason().contains("410"), store.endpointState("pr").disabledReason());
        assertEquals(2, store.pendingCount("pr"), "what was queued waits, it is not lost");
        back[0] = true;
        d.enable();
        clock.runFor(MIN);
        assertEquals(3, r.sent.size());
        assertEquals(TrackedDelivery.DELIVERED, store.get(t.id()).status());
        assertNull(store.endpointState("pr").disabledReason());
    }

    @Test
    void breakerOpensAfterFiveFailuresAndProbesWhenHalfOpen() {
        boolean[] up = {false};
        FakeReceiver r = new FakeReceiver("pr", Integer.MAX_VALUE, clock,
                at -> up[0] ? SendResult.ok(200) : SendResult.retry(503, null, "HTTP 503"));
        Dispatcher d = dispatcher(r);
        for (int i = 0; i < 5; i++) {
            queue(d, "s" + i);
        }
        clock.runFor(1);
        assertEquals(5, r.sent.size(), "five stories, five first attempts");
        assertEquals("open", d.state().breaker(clock.now()));
        long openedAt = r.sent.get(4).at();
        clock.runUntil(openedAt + 29_000);
        assertEquals(5, r.sent.size(), "nothing is sent while the breaker is open");
        clock.runUntil(openedAt + 30_000);
        assertEquals(6, r.sent.size(), "one probe after the cool-down");
        assertEquals("open", d.state().breaker(clock.now()), "a failed probe opens it again");
        clock.runUntil(openedAt + 30_000 + 59_000);
        assertEquals(6, r.sent.size(), "the next cool-down is longer");
        up[0] = true;
        clock.runUntil(openedAt + 30_000 + 60_000);
        assertEquals("closed", d.state().breaker(clock.now()));
        clock.runFor(1);
        assertEquals(11, r.sent.size(), "5 attempts, 2 probes, then the 4 others at once after the good probe");
        assertEquals(0, store.pendingCount("pr"));
    }

    @Test
    void aRefusalGoesToTheDeadLettersAndCanBeRedelivered() {
        boolean[] fixed = {false};
        FakeReceiver r = new FakeReceiver("pr", Integer.MAX_VALUE, clock,
                at -> fixed[0] ? SendResult.ok(200) : SendResult.fail(400, "HTTP 400 Bad Request"));
        Dispatcher d = dispatcher(r);
        TrackedDelivery t = queue(d, "s1");
        clock.runFor(HOUR);
        assertEquals(1, r.sent.size(), "a 400 is not retried");
        assertEquals(List.of(t.id()), store.deadLetters("pr").stream().map(TrackedDelivery::id).toList());
        assertEquals("HTTP 400 Bad Request", store.get(t.id()).lastError);
        fixed[0] = true;
        TrackedDelivery revived = store.revive(t.id(), clock.now());
        d.offer(revived);
        clock.runFor(MIN);
        assertEquals(2, r.sent.size());
        assertEquals(TrackedDelivery.DELIVERED, store.get(t.id()).status());
        assertEquals(0, store.deadCount("pr"));
        assertEquals(2, store.attempts(t.id()).size());
    }

    @Test
    void aBurstOfAHundredToARobotOfTwentyAMinuteIsAtMostTwentyMessagesWithNothingLost() {
        FakeReceiver r = new FakeReceiver("robot", 20, clock, at -> SendResult.ok(0));
        Dispatcher d = dispatcher(r);
        clock.runFor(1);
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            queued.add(queue(d, "s" + (i % 30)).id());
        }
        clock.runFor(MIN - 1_000);
        assertTrue(r.sent.size() <= 20, "messages in the first minute: " + r.sent.size());
        assertEquals(20, r.sent.size());
        assertEquals(19, r.sent.stream().filter(s -> s.deliveries().size() == 1).count(), "singles");
        assertEquals(queued.stream().sorted().toList(), r.deliveredIds().stream().sorted().toList(),
                "every alert once, the rest in the digest");
        for (int i = 0; i < 30; i++) {   // a digest keeps each story's order
            String story = "s" + i;
            List<Long> seqs = r.sent.stream().flatMap(s -> s.deliveries().stream()).filter(x -> x.storyId().equals(story))
                    .map(Delivery::seq).toList();
            assertEquals(seqs.stream().sorted().toList(), seqs);
        }
    }

    @Test
    void aNewDispatcherOnTheSameRedisSendsWhatWasPendingOnce() {
        Function<Long, SendResult> down = at -> SendResult.retry(503, null, "HTTP 503");
        FakeReceiver before = new FakeReceiver("pr", Integer.MAX_VALUE, clock, down);
        Dispatcher first = dispatcher(before);
        TrackedDelivery a = queue(first, "s1");
        TrackedDelivery b = queue(first, "s1");
        clock.runFor(1);
        first.stop();
        clock.runFor(1);
        FakeReceiver after = new FakeReceiver("pr", Integer.MAX_VALUE, clock, at -> SendResult.ok(200));
        dispatcher(after);
        clock.runFor(HOUR);
        assertEquals(List.of(a.id(), b.id()), after.deliveredIds());
        assertEquals(1, before.sent.size(), "the first dispatcher stopped after its one attempt");
    }

    @Test
    void doneDeliveriesBeyondTheLogAreForgottenPendingAndDeadOnesKept() throws Exception {
        store = new DeliveryStore(new RedisDeliveryRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":", 3));
        int[] n = {0};
        FakeReceiver r = new FakeReceiver("pr", Integer.MAX_VALUE, clock,
                at -> n[0]++ == 0 ? SendResult.fail(400, "HTTP 400") : SendResult.ok(200));
        Dispatcher d = dispatcher(r);
        TrackedDelivery dead = queue(d, "s1");
        clock.runFor(1_000);
        List<TrackedDelivery> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(queue(d, "s" + i));
            clock.runFor(1_000);
        }
        assertEquals(TrackedDelivery.DEAD, store.get(dead.id()).status(), "a dead letter stays");
        assertEquals(4, store.size(), "the dead letter and the log's last three");
        assertEquals(null, store.get(all.get(0).id()));
        assertEquals(0, store.attempts(all.get(0).id()).size());
        assertEquals(TrackedDelivery.DELIVERED, store.get(all.get(9).id()).status());
    }
}
