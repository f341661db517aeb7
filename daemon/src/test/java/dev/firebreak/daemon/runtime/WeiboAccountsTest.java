package dev.firebreak.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.connectors.weibo.FakeWeibo;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Kind;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.Vertx;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Weibo accounts on a real daemon against the fake Weibo: one token works, one has expired. The
 * good account collects every mention once, follows the KOL complaint's reposts into one story and
 * records its counters; the expired one stops, shows on /api/connectors and raises one operator alert.
 */
class WeiboAccountsTest {
    private static final String EXPIRED = "2.00expired-token-abc";

    @TempDir
    Path data;
    Vertx vertx;
    FakePlatformServer fake;
    FakeWeibo weibo = new FakeWeibo();
    Firebreak app;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        fake = FakePlatformServer.start(vertx);
        weibo.expiredTokens.add(EXPIRED);
        weibo.install(fake);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        fake.close();
        vertx.close();
    }

    private ConnectorConfig account(String id, String token) {
        return account(id, token, fake);
    }

    private static ConnectorConfig account(String id, String token, FakePlatformServer server) {
        Map<String, Object> c = new HashMap<>();
        c.put("baseUrl", server.baseUrl());
        c.put("accessToken", token);
        c.put("timeout", "2s");
        c.put("minInterval", "50ms");
        c.put("maxInterval", "300ms");
        c.put("pageSize", 3);
        // Above the default 150 an hour, so an account's polling rounds (the clock of the "stays quiet"
        // checks) never wait on its hourly quota.
        c.put("callsPerHour", 100_000);
        return new ConnectorConfig(id, "weibo", c);
    }

    private void startDaemon(ConnectorConfig... accounts) throws Exception {
        FirebreakConfig config = new FirebreakConfig(data, "127.0.0.1", 0, TestRedis.externalUri(), List.of(accounts),
                dev.firebreak.daemon.config.AlertingConfig.BUILTIN);
        app = Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { },
                "test:" + java.util.UUID.randomUUID() + ":"));
    }

    @Test
    void anExpiredAccountStopsAndIsReportedWhileTheOtherCollectsEverythingOnce() throws Exception {
        startDaemon(account("weibo-a", FakeWeibo.TOKEN), account("weibo-b", EXPIRED));
        Set<String> expected = weibo.expectedKeys(true);
        await(() -> expected.stream().allMatch(this::indexed), "every fixture mention indexed");
        await(() -> !observations().isEmpty(), "the KOL post's counters observed");

        for (String key : expected) {
            assertEquals(1, app.index().countId(key), key + " is indexed exactly once");
        }
        List<ScoredMention> reposts = new ArrayList<>();
        for (String key : expected) {
            ScoredMention m = app.index().get(key).orElseThrow();
            if (m.mention().kind() == Kind.REPOST) {
                reposts.add(m);
            }
        }
        assertEquals(11, reposts.size(), "10 from the repost timeline and 1 from the mentions");
        reposts.forEach(m -> assertEquals("weibo:" + FakeWeibo.KOL_POST, m.storyId()));
        assertEquals(11, reposts.stream().map(m -> m.mention().createdAt()).distinct().count());
        assertEquals(6023, app.index().get("weibo:5039912345670125").orElseThrow().mention().author().followers());

        String status = get("/api/connectors");
        assertFalse(status.contains(EXPIRED) || status.contains(FakeWeibo.TOKEN), "a token is in /api/connectors");
        for (JsonNode feed : FirebreakJson.mapper().readTree(status)) {
            if (feed.path("connector").asText().equals("weibo-b")) {
                assertEquals("needs-reauth", feed.path("state").asText(), feed.toString());
            } else {
                assertTrue(Set.of("idle", "polling").contains(feed.path("state").asText()), feed.toString());
                assertTrue(feed.path("lastSuccess").isTextual(), feed.toString());
            }
        }
        String reauthError = "weibo /2/statuses/mentions.json: Weibo error 21327 (expired_token): the access token no longer"
                + " works; re-authorise the account and update accessToken";
        assertTrue(status.contains(reauthError), status);

        List<RecordedAlert> alerts = app.state().latestAlerts(100).toCompletableFuture().get();
        List<JsonNode> operator = new ArrayList<>();
        for (RecordedAlert a : alerts) {
            JsonNode n = FirebreakJson.mapper().readTree(a.json());
            if (n.path("ruleId").asText().equals(OperatorAlerts.RULE_ID)) {
                operator.add(n);
            }
        }
        assertEquals(1, operator.size(), "one operator alert for the account, not one per feed: " + operator);
        assertEquals("connector:weibo-b", operator.get(0).path("storyId").asText());
        assertTrue(operator.get(0).path("reason").asText().contains("needs re-authorisation"));

        int expiredCalls = callsWith(EXPIRED);
        awaitRounds(fake, FakeWeibo.TOKEN, 3, "the good account polling on");
        assertEquals(expiredCalls, callsWith(EXPIRED), "the stopped account keeps polling");
    }

    @Test
    void aUsedUpQuotaPausesTheWholeAccountUntilItResets() throws Exception {
        fake.failNext("/2/statuses/mentions.json", 1, Fixtures.response("weibo", "error_rate_limit_user_10023.json"));
        // A second account on a Weibo of its own keeps polling: its rounds are the test's clock (the
        // server closes with the test's Vert.x).
        FakePlatformServer otherFake = FakePlatformServer.start(vertx);
        new FakeWeibo().install(otherFake);
        startDaemon(account("weibo-a", FakeWeibo.TOKEN), account("weibo-c", FakeWeibo.TOKEN, otherFake));
        await(() -> get("/api/connectors").contains("\"paused\""), "the account shows as paused");
        JsonNode feeds = FirebreakJson.mapper().readTree(get("/api/connectors"));
        int pausedFeeds = 0;
        for (JsonNode feed : feeds) {
            if (feed.path("connector").asText().equals("weibo-a")) {
                assertTrue(feed.path("pausedUntil").isTextual(), "every feed of the account is paused: " + feed);
                pausedFeeds++;
            } else {
                assertFalse(feed.path("pausedUntil").isTextual(), "the other account is not paused: " + feed);
            }
        }
        assertTrue(pausedFeeds > 1, "the account's feeds are listed: " + feeds);
        int calls = fake.requests().size();
        awaitRounds(otherFake, FakeWeibo.TOKEN, 3, "the other account polling on");
        assertEquals(calls, fake.requests().size(), "a paused account makes no calls");
    }

    private boolean indexed(String key) {
        try {
            return app.index().countId(key) > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private List<String> observations() {
        try {
            return app.state().observations("weibo:" + FakeWeibo.KOL_POST).toCompletableFuture().get();
        } catch (Exception e) {
            return List.of();
        }
    }

    private int callsWith(String token) {
        return (int) fake.requests().stream().filter(r -> token.equals(r.q("access_token"))).count();
    }

    private String get(String path) {
        try {
            return HttpClient.newHttpClient().send(dev.firebreak.daemon.testing.Http.request(app, path).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Await.Condition condition, String what) {
        Await.until(condition, Duration.ofSeconds(20), what);
    }

    /**
     * Waits until the account with {@code token} has called every path it polls {@code rounds} more times:
     * time measured in polling rounds, so a feed that should stay quiet had as many chances to call.
     */
    private static void awaitRounds(FakePlatformServer server, String token, int rounds, String what) {
        Map<String, Long> before = callsByPath(server, token);
        assertFalse(before.isEmpty(), "the account has polled: " + what);
        Await.until(() -> {
            Map<String, Long> now = callsByPath(server, token);
            return before.entrySet().stream().allMatch(e -> now.getOrDefault(e.getKey(), 0L) >= e.getValue() + rounds);
        }, Duration.ofSeconds(20), () -> what + ": " + rounds + " more calls on each of " + before);
    }

    private static Map<String, Long> callsByPath(FakePlatformServer server, String token) {
        return server.requests().stream().filter(r -> token.equals(r.q("access_token")))
                .collect(Collectors.groupingBy(r -> r.path(), Collectors.counting()));
    }
}
