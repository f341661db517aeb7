package dev.firebreak.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.state.redis.RedisDeliveryRecords;
import dev.firebreak.state.redis.testing.TestRedis;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The URL guard before each send: DNS off the delivery thread, answers kept per host for the TTL. */
class AddressGuardTest {
    static final long T0 = DispatcherTest.T0;
    static final String ALLOW = EndpointAddressTest.ALLOW;

    /** Host name to the address it resolves to now; lookups counted per name. */
    final Map<String, String> dns = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    final CountDownLatch slowAsked = new CountDownLatch(1);
    final CountDownLatch slowAnswers = new CountDownLatch(1);
    DeliveryStore store;
    AddressGuard guard;

    InetAddress[] resolve(String host) throws UnknownHostException {
        lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        if (host.startsWith("slow.")) {
            slowAsked.countDown();
            try {
                slowAnswers.await();
            } catch (InterruptedException e) {
                throw new UnknownHostException(host + ": interrupted");
            }
        }
        String ip = dns.get(host);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};   // a literal: no real lookup
    }

    int lookupsOf(String host) {
        AtomicInteger n = lookups.get(host);
        return n == null ? 0 : n.get();
    }

    @BeforeEach
    void setUp() throws Exception {
        store = new DeliveryStore(new RedisDeliveryRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":"));
        dns.put("hooks.example.com", "93.184.215.14");
        dns.put("fast.example.com", "93.184.215.15");
        dns.put("slow.example.com", "93.184.215.16");
    }

    @AfterEach
    void tearDown() {
        slowAnswers.countDown();
        if (guard != null) {
            guard.close();
        }
    }

    Dispatcher dispatcher(FakeReceiver r, DeliveryClock clock, String url) {
        Dispatcher d = new Dispatcher(r, store, clock, RetryPolicy.standard(), () -> guard.verdict(url, false),
                Dispatcher.GUARD_TIMEOUT);
        d.start();
        return d;
    }

    TrackedDelivery queue(Dispatcher d, String story, long now) {
        Delivery delivery = new Delivery("msg_" + story + "_" + d.endpointId(), d.endpointId(), "alert-" + story, story, 1,
                false, "{}", now);
        assertTrue(store.enqueue(delivery));
        TrackedDelivery t = new TrackedDelivery(delivery);
        d.offer(t);
        return t;
    }

    @Test
    void aSlowLookupForOneEndpointDoesNotDelayAnotherEndpointsSends() throws Exception {
        try (SystemDeliveryClock clock = new SystemDeliveryClock()) {
            guard = new AddressGuard(this::resolve, clock::now, AddressGuard.TTL, 4);
            CountDownLatch fastDelivered = new CountDownLatch(3);
            CountDownLatch slowDelivered = new CountDownLatch(1);
            Dispatcher slow = dispatcher(new FakeReceiver("slow", Integer.MAX_VALUE, clock, at -> {
                slowDelivered.countDown();
                return SendResult.ok(200);
            }), clock, "https://slow.example.com/hooks");
            Dispatcher fast = dispatcher(new FakeReceiver("fast", Integer.MAX_VALUE, clock, at -> {
                fastDelivered.countDown();
                return SendResult.ok(200);
            }), clock, "https://fast.example.com/hooks");
            queue(slow, "s1", clock.now());
            assertTrue(slowAsked.await(5, TimeUnit.SECONDS), "the slow endpoint's host is being looked up");
            for (int i = 0; i < 3; i++) {
                queue(fast, "f" + i, clock.now());
            }
            assertTrue(fastDelivered.await(5, TimeUnit.SECONDS), "the other endpoint's three sends went meanwhile");
            assertEquals(1, slowDelivered.getCount(), "nothing went to the slow one before its verdict");
            assertEquals(1, lookupsOf("fast.example.com"), "three sends, one lookup");
            slowAnswers.countDown();
            assertTrue(slowDelivered.await(5, TimeUnit.SECONDS), "the slow one's send went once its host was judged");
        }
    }

    @Test
    void aHostThatComesToResolveToAPrivateAddressIsRefusedOnceItsAnswerIsOlderThanTheTtl() {
        SimulatedClock clock = new SimulatedClock(T0);
        guard = new AddressGuard(this::resolve, clock::now, Duration.ofSeconds(60), 2);
        FakeReceiver r = new FakeReceiver("pr", Integer.MAX_VALUE, clock, at -> SendResult.ok(200));
        Dispatcher d = dispatcher(r, clock, "https://hooks.example.com/hooks");
        queue(d, "s1", clock.now());
        runUntil(clock, () -> r.sent.size() == 1);

        dns.put("hooks.example.com", "10.0.0.7");   // the name now points inside the network
        clock.runFor(59_000);
        queue(d, "s2", clock.now());
        runUntil(clock, () -> r.sent.size() == 2);
        assertEquals(1, lookupsOf("hooks.example.com"), "within the TTL the first answer stands");

        clock.runFor(2_000);
        TrackedDelivery s3 = queue(d, "s3", clock.now());
        runUntil(clock, () -> !store.attempts(s3.id()).isEmpty());
        assertEquals(2, lookupsOf("hooks.example.com"), "past the TTL the name is looked up again");
        assertEquals(2, r.sent.size(), "nothing is sent to the private address");
        String refused = "refused: hooks.example.com (10.0.0.7) is a private address" + ALLOW;
        assertEquals(refused, store.get(s3.id()).lastError);
        assertEquals("retry", store.attempts(s3.id()).get(0).getString("result"));
        assertEquals(TrackedDelivery.PENDING, store.get(s3.id()).status());
    }

    @Test
    void aLookupThatNeverAnswersCountsAsAFailedAttemptAfterTheTimeout() throws Exception {
        SimulatedClock clock = new SimulatedClock(T0);
        guard = new AddressGuard(this::resolve, clock::now, AddressGuard.TTL, 2);
        FakeReceiver r = new FakeReceiver("slow", Integer.MAX_VALUE, clock, at -> SendResult.ok(200));
        Dispatcher d = dispatcher(r, clock, "https://slow.example.com/hooks");
        TrackedDelivery t = queue(d, "s1", clock.now());
        clock.runFor(0);
        assertTrue(slowAsked.await(5, TimeUnit.SECONDS));
        clock.runFor(Dispatcher.GUARD_TIMEOUT.toMillis());
        assertEquals("the address check did not answer within 20 s (a slow DNS lookup?)", store.get(t.id()).lastError);
        assertEquals(0, r.sent.size());
        assertFalse(d.inFlight(), "the endpoint is free to try again");
    }

    @Test
    void verdictsAreReadyAtOnceWhenNoLookupIsNeededOrTheAnswerIsFresh() throws Exception {
        long[] now = {T0};
        guard = new AddressGuard(this::resolve, () -> now[0], AddressGuard.TTL, 2);
        assertEquals("refused: 10.1.2.3 is a private address" + ALLOW,
                guard.verdict("http://10.1.2.3/h", false).toCompletableFuture().getNow("not ready"));
        assertNull(guard.verdict("https://unknown.example.com/h", true).toCompletableFuture().getNow("not ready"),
                "allowed by the admin: no lookup");
        assertEquals("host nowhere.example.com does not resolve",
                guard.verdict("https://nowhere.example.com/h", false).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertNull(guard.verdict("https://hooks.example.com/a", false).toCompletableFuture().get(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {   // a burst
            assertNull(guard.verdict("https://HOOKS.example.com/b" + i, false).toCompletableFuture().getNow("not ready"));
        }
        assertEquals(1, lookupsOf("hooks.example.com"));
        assertEquals(0, lookupsOf("unknown.example.com"));
    }

    /** Runs the simulated clock's due tasks until the condition holds (lookups answer on other threads). */
    static void runUntil(SimulatedClock clock, BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 5 s");
            clock.runFor(0);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));   // not a spin: the machine's cores are shared
        }
    }
}
