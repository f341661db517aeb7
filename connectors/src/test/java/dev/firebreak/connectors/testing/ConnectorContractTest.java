package dev.firebreak.connectors.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connect.api.Watchlist;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every HTTP connector passes against its fake platform: configuration is validated
 * with the key and why (and never shows a secret); a first poll from no cursor and polls after it
 * collect every fixture mention exactly once; a restart in the middle resumes from the saved cursor
 * without loss or repeat; a poll in flight stops promptly; and each error class maps to its action
 * without the cursor moving, after which polling collects everything still exactly once.
 */
public abstract class ConnectorContractTest {
    /** A platform answer and the action the connector must map it to. */
    public record ErrorCase(String name, FakeResponse response, ErrorAction expected) { }

    protected Vertx vertx;
    protected FakePlatformServer fake;
    protected PollHarness.Store store;

    /** The connector type name ({@code weibo}). */
    protected abstract String type();

    /** A working configuration against the fake server, with a short {@code timeout} (a stall costs one). */
    protected abstract Map<String, Object> config(String baseUrl);

    /** The secret keys of {@link #config}: the contract checks their values never show in errors. */
    protected abstract Set<String> secretKeys();

    /** Installs the platform's routes, answering from the fixtures. */
    protected abstract void serve(FakePlatformServer fake);

    /** Every mention key the fixtures hold for the configured feeds. */
    protected abstract Set<String> expectedKeys();

    /**
     * Mentions a platform embeds again and again by design (Weibo's original post inside each of its
     * reposts): the pipeline's dedup absorbs them, so they may come more than once. Nothing else may.
     */
    protected Set<String> contextKeys() {
        return Set.of();
    }

    /** Mention keys delivered more than once that are not {@link #contextKeys()}. */
    protected List<String> repeated() {
        return store.duplicates().stream().filter(k -> !contextKeys().contains(k)).toList();
    }

    /** Each platform error in the fixtures and what it must become. */
    protected abstract List<ErrorCase> errorCases();

    /** The open stories the runtime would hand the connector (none by default). */
    protected Watchlist watchlist() {
        return Watchlist.NONE;
    }

    @BeforeEach
    void startFake() throws Exception {
        vertx = Vertx.vertx();
        fake = FakePlatformServer.start(vertx);
        serve(fake);
        store = new PollHarness.Store();
    }

    @AfterEach
    void stopFake() {
        fake.close();
        vertx.close();
    }

    protected Connector connector() throws ConfigException {
        return ConnectorTypes.create(new ConnectorConfig("acct", type(), config(fake.baseUrl())));
    }

    protected List<PollHarness> harnesses(Connector c) {
        List<PollHarness> out = new ArrayList<>();
        for (Feed f : c.feeds()) {
            out.add(new PollHarness(c.task(f, new TaskContext(vertx, watchlist())), f.key(), store));
        }
        return out;
    }

    /** Polls every feed until none has anything new. */
    protected void drainAll(List<PollHarness> hs) throws Exception {
        for (int pass = 0; pass < 3; pass++) {
            for (PollHarness h : hs) {
                h.drain(40);
            }
        }
    }

    @Test
    void configIsValidatedWithTheKeyAndWhy() {
        Map<String, Object> bad = new HashMap<>(config(fake.baseUrl()));
        bad.put("baseUrl", "ftp://example");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConnectorTypes.create(new ConnectorConfig("acct", type(), bad)));
        assertEquals("Invalid value ftp://example for configuration baseUrl: must be an http:// or https:// URL"
                + " without a query string", e.getMessage());

        for (String secret : secretKeys()) {
            Map<String, Object> missing = new HashMap<>(config(fake.baseUrl()));
            missing.remove(secret);
            ConfigException m = assertThrows(ConfigException.class,
                    () -> ConnectorTypes.create(new ConnectorConfig("acct", type(), missing)));
            assertTrue(m.getMessage().contains(secret), m.getMessage());
        }
        Map<String, Object> unknown = new HashMap<>(config(fake.baseUrl()));
        unknown.put("acessToken", "x");
        ConfigException u = assertThrows(ConfigException.class,
                () -> ConnectorTypes.create(new ConnectorConfig("acct", type(), unknown)));
        assertTrue(u.getMessage().startsWith("unknown configuration key \"acessToken\""), u.getMessage());
    }

    @Test
    void firstPollFromNoCursorThenEveryMentionExactlyOnce() throws Exception {
        List<PollHarness> hs = harnesses(connector());
        for (PollHarness h : hs) {
            assertNull(h.cursor());
            assertNotNull(h.round(), "the first poll of " + h + " failed: " + h.errors);
        }
        drainAll(hs);
        assertEquals(new TreeSet<>(expectedKeys()), new TreeSet<>(store.indexed.keySet()));
        assertEquals(List.of(), repeated());
        hs.forEach(h -> assertEquals(List.of(), h.errors));
        assertSecretsNeverSent();
    }

    @Test
    void aRestartInTheMiddleResumesFromTheSavedCursor() throws Exception {
        List<PollHarness> first = harnesses(connector());
        for (PollHarness h : first) {
            h.round();
        }
        first.forEach(h -> h.task().stop());
        List<PollHarness> second = harnesses(connector());
        drainAll(second);
        assertEquals(new TreeSet<>(expectedKeys()), new TreeSet<>(store.indexed.keySet()));
        assertEquals(List.of(), repeated());
    }

    @Test
    void stoppingAPollInFlightEndsItPromptly() throws Exception {
        fake.stallNext(null, 1);
        PollHarness h = harnesses(connector()).get(0);
        int before = fake.requests().size();
        Future<PollResult> inFlight = h.task().poll(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fake.requests().size() == before && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // until the stalled request reaches the fake
        }
        assertTrue(fake.requests().size() > before, "the poll never reached the platform");
        h.task().stop();
        long start = System.nanoTime();
        try {
            inFlight.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            // a stopped poll may fail; it must not hang
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "stop did not end the poll promptly");
    }

    @Test
    void eachErrorClassMapsToItsActionAndTheCursorStays() throws Exception {
        List<ErrorCase> cases = new ArrayList<>(errorCases());
        cases.add(new ErrorCase("502 gateway page", new FakeResponse(502, Map.of("Content-Type", "text/html"),
                "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes()), ErrorAction.RETRY));
        cases.add(new ErrorCase("503 with no body", new FakeResponse(503, Map.of(), new byte[0]), ErrorAction.RETRY));
        Map<String, ErrorAction> seen = new LinkedHashMap<>();
        for (ErrorCase c : cases) {
            PollHarness h = harnesses(connector()).get(0);
            String before = h.cursor();
            fake.failNext(null, 1, c.response());
            PollResult r = h.round();
            assertNull(r, c.name() + ": the poll should have failed");
            PlatformException e = h.errors.get(h.errors.size() - 1);
            seen.put(c.name(), e.action());
            assertEquals(before, h.cursor(), c.name() + ": the cursor moved on an error");
            for (String secret : secretKeys()) {
                assertFalse(e.getMessage().contains(String.valueOf(config(fake.baseUrl()).get(secret))),
                        c.name() + ": a secret is in the error: " + e.getMessage());
            }
            h.task().stop();
        }
        Map<String, ErrorAction> expected = new LinkedHashMap<>();
        cases.forEach(c -> expected.put(c.name(), c.expected()));
        assertEquals(expected, seen);
    }

    @Test
    void faultsInTheMiddleLoseNothingAndRepeatNothing() throws Exception {
        List<PollHarness> hs = harnesses(connector());
        hs.get(0).round();
        fake.stallNext(null, 1);
        fake.cutNext(null, 1);
        fake.failNext(null, 1, new FakeResponse(502, Map.of("Content-Type", "text/html"), "<html>502</html>".getBytes()));
        for (ErrorCase c : errorCases()) {
            if (c.expected() == ErrorAction.RETRY || c.expected() == ErrorAction.PAUSE) {
                fake.failNext(null, 1, c.response());
            }
        }
        drainAll(hs);
        drainAll(hs);
        assertEquals(new TreeSet<>(expectedKeys()), new TreeSet<>(store.indexed.keySet()));
        assertEquals(List.of(), repeated());
        int errors = hs.stream().mapToInt(h -> h.errors.size()).sum();
        assertTrue(errors >= 3, "the faults were not met: " + errors + " errors");
    }

    private void assertSecretsNeverSent() {
        // Secrets go to the platform (that is their point) but never in a path; the fake keeps requests.
        for (String secret : secretKeys()) {
            String value = String.valueOf(config(fake.baseUrl()).get(secret));
            fake.requests().forEach(r -> assertFalse(r.path().contains(value), "secret in a request path"));
        }
    }
}
