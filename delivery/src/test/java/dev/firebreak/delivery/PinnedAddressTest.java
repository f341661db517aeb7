package dev.firebreak.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.delivery.webhook.WebhookReceiver;
import dev.firebreak.state.redis.RedisDeliveryRecords;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: the send connects to the address the URL guard approved, not to a second lookup of
 * the name. The URL's host ({@code hooks.example.test}) is unknown to the system's DNS, so a request
 * that arrives was connected to the approved address. (Tests reach no public address, so the sending
 * test approves the fake server's loopback address itself, as the guard approves a public one.)
 */
class PinnedAddressTest {
    static final String HOST = "hooks.example.test";

    final AtomicInteger lookups = new AtomicInteger();
    final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    Vertx vertx;
    HttpServer server;
    DeliveryStore store;
    AddressGuard guard;
    SystemDeliveryClock clock;

    /** What the guard's DNS answers for HOST (a literal: no real lookup). */
    String answer = "127.0.0.1";

    InetAddress[] resolve(String host) throws UnknownHostException {
        lookups.incrementAndGet();
        if (!host.equals(HOST)) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(answer)};
    }

    String url() {
        return "http://" + HOST + ":" + server.actualPort() + "/hook";
    }

    @BeforeEach
    void setUp() throws Exception {
        store = new DeliveryStore(new RedisDeliveryRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":"));
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> {
            hostHeaders.add(req.getHeader("Host"));
            req.response().setStatusCode(204).end();
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        clock = new SystemDeliveryClock();
        guard = new AddressGuard(this::resolve, clock::now, AddressGuard.TTL, 2);
    }

    @AfterEach
    void tearDown() throws Exception {
        guard.close();
        clock.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    TrackedDelivery sendOnce(Supplier<CompletionStage<AddressVerdict>> verdict) {
        WebhookReceiver receiver = new WebhookReceiver("pr", url(), () -> List.of("whsec_" + "c2VjcmV0LXNlY3JldA=="),
                Integer.MAX_VALUE, WebClient.create(vertx), clock::now);
        Dispatcher d = new Dispatcher(receiver, store, clock, RetryPolicy.standard(), Dispatcher.GUARD_TIMEOUT,
                verdict, DeliveryMetrics.unregistered());
        d.start();
        Delivery delivery = new Delivery("msg_pinned", "pr", "a1", "s1", 1, false, "{}", clock.now());
        assertTrue(store.enqueue(delivery));
        TrackedDelivery t = new TrackedDelivery(delivery);
        d.offer(t);
        waitFor(() -> !store.attempts(t.id()).isEmpty());
        d.stop();
        return store.get(t.id());
    }

    @Test
    void theRequestGoesToTheApprovedAddressWithTheHostNameInTheHostHeader() {
        assertThrows(UnknownHostException.class, () -> InetAddress.getAllByName(HOST), "the system must not know the name");
        InetAddress approved = InetAddress.getLoopbackAddress();
        TrackedDelivery t = sendOnce(() -> CompletableFuture.completedFuture(AddressVerdict.approved(approved)));
        assertEquals(TrackedDelivery.DELIVERED, t.status, String.valueOf(t.lastError));
        assertEquals(List.of(HOST + ":" + server.actualPort()), hostHeaders);
    }

    @Test
    void whenTheGuardsAnswerIsForbiddenNothingIsSent() {
        TrackedDelivery t = sendOnce(() -> guard.approve(url(), false));   // the name now points at loopback
        assertEquals(TrackedDelivery.PENDING, t.status);
        assertTrue(t.lastError.startsWith("refused: " + HOST + " (127.0.0.1) is a loopback address"), t.lastError);
        assertEquals(List.of(), hostHeaders);
        assertEquals("retry", store.attempts(t.id()).get(0).getString("result"));
        assertEquals(1, lookups.get());
    }

    @Test
    void theApprovedAddressIsTheOneTheGuardLookedUp() throws Exception {
        answer = "93.184.215.14";
        AddressVerdict v = guard.approve("https://" + HOST + "/x", false).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertNull(v.refused());
        assertEquals("93.184.215.14", v.address().getHostAddress());
        assertEquals(InetAddress.getByName("93.184.215.14"), v.address());
        AddressVerdict literal = guard.approve("http://93.184.215.15/x", false).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertNull(literal.refused());
        assertNull(literal.address(), "nothing to look up: the client connects to the literal");
        AddressVerdict allowed = guard.approve("http://" + HOST + "/x", true).toCompletableFuture().getNow(null);
        assertEquals(new AddressVerdict(null, null), allowed, "private addresses allowed: no lookup, nothing to pin");
    }

    static void waitFor(BooleanSupplier done) {
        long until = System.currentTimeMillis() + 15_000;
        while (!done.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < until, "timed out");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
