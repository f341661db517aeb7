package dev.firebreak.connectors.weibo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connect.api.Watchlist;
import dev.firebreak.connectors.testing.ConnectorContractTest;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.FakeResponse;
import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.connectors.testing.PollHarness;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeiboConnectorTest extends ConnectorContractTest {
    private final FakeWeibo weibo = new FakeWeibo();

    @Override
    protected String type() {
        return "weibo";
    }

    @Override
    protected Map<String, Object> config(String baseUrl) {
        Map<String, Object> c = new HashMap<>();
        c.put("baseUrl", baseUrl);
        c.put("accessToken", FakeWeibo.TOKEN);
        c.put("timeout", "2s"); // generous: a cold JVM on a busy 2-core machine is slow to its first answer
        c.put("minInterval", "1ms");
        c.put("maxInterval", "1h");
        c.put("pageSize", 3);
        return c;
    }

    @Override
    protected Set<String> secretKeys() {
        return Set.of("accessToken");
    }

    @Override
    protected void serve(FakePlatformServer fake) {
        weibo.install(fake);
    }

    @Override
    protected Watchlist watchlist() {
        return platform -> Future.succeededFuture(platform == Platform.WEIBO
                ? List.of(new Watchlist.WatchedPost(FakeWeibo.KOL_POST, Instant.now())) : List.of());
    }

    @Override
    protected Set<String> expectedKeys() {
        return weibo.expectedKeys(true);
    }

    @Override
    protected Set<String> contextKeys() {
        return weibo.embeddedKeys();
    }

    @Override
    protected List<ErrorCase> errorCases() {
        return List.of(
                new ErrorCase("10023 user quota", Fixtures.response("weibo", "error_rate_limit_user_10023.json"), ErrorAction.PAUSE),
                new ErrorCase("10022 IP quota", Fixtures.response("weibo", "error_rate_limit_ip_10022.json"), ErrorAction.PAUSE),
                new ErrorCase("21327 expired token", Fixtures.response("weibo", "error_expired_token_21327.json"), ErrorAction.REAUTH),
                new ErrorCase("21332 invalid token", Fixtures.response("weibo", "error_invalid_token_21332.json"), ErrorAction.REAUTH),
                new ErrorCase("truncated body", Fixtures.response("weibo", "statuses_mentions_truncated.json"), ErrorAction.RETRY),
                new ErrorCase("502 gateway", Fixtures.response("weibo", "gateway_502.html"), ErrorAction.RETRY),
                new ErrorCase("10001 system error", FakeResponse.json(500,
                        "{\"error\":\"system error\",\"error_code\":10001,\"request\":\"/2/statuses/mentions.json\"}"), ErrorAction.RETRY),
                new ErrorCase("10014 no permission", FakeResponse.json(403,
                        "{\"error\":\"Insufficient app permissions\",\"error_code\":\"10014\",\"request\":\"/2/statuses/mentions.json\"}"),
                        ErrorAction.FATAL));
    }

    /** The tasks' clock: it stands still unless a test moves it on (instead of sleeping). */
    private final java.util.concurrent.atomic.AtomicLong skew = new java.util.concurrent.atomic.AtomicLong();
    private final java.time.InstantSource clock = () -> java.time.Instant.ofEpochMilli(1_717_200_000_000L + skew.get());

    private PollHarness harness(String feed, Map<String, Object> overrides) throws Exception {
        Map<String, Object> c = config(fake.baseUrl());
        c.putAll(overrides);
        var connector = ConnectorTypes.create(new ConnectorConfig("acct", "weibo", c));
        var f = connector.feeds().stream().filter(x -> x.name().equals(feed)).findFirst().orElseThrow();
        return new PollHarness(connector.task(f, new TaskContext(vertx, watchlist(), clock)), f.key(), store);
    }

    @Test
    void mentionsArePagedDownToTheHighWaterMarkThenOnlyNewerOnesAreAsked() throws Exception {
        PollHarness h = harness("mentions", Map.of());
        h.drain(10);
        assertEquals("since=5039912345670042", h.cursor());
        var asked = fake.requests("/2/statuses/mentions.json");
        assertEquals(null, asked.get(0).q("since_id"));
        assertEquals("5039912345670033", asked.get(1).q("max_id"), "the second page starts below the first (3 a page)");
        assertEquals(4, asked.size(), "8 mentions at 3 a page, then one poll that finds nothing newer");
        assertEquals("5039912345670042", asked.get(3).q("since_id"));
        String newer = Fixtures.json("weibo", "statuses_mentions_page1.json").path("statuses").get(3).toString()
                .replace("5039912345670030", "5039912345670050");
        weibo.timelines.get("/2/statuses/mentions.json").add(new ObjectMapper().readTree(newer));
        PollResult r = h.round();
        assertEquals(List.of("5039912345670050"), r.mentions().stream().map(Mention::id).toList());
        assertEquals("5039912345670042", fake.requests("/2/statuses/mentions.json").get(asked.size()).q("since_id"));
        assertEquals(List.of(), repeated());
    }

    @Test
    void theKolComplaintAndItsRepostsBecomeOneStoryWithTimesAndFollowers() throws Exception {
        PollHarness h = harness("reposts", Map.of("minInterval", "1h"));
        h.drain(10);
        List<Mention> reposts = store.mentions.values().stream().filter(m -> m.kind() == Kind.REPOST).toList();
        assertEquals(10, reposts.size());
        Set<String> stories = new java.util.HashSet<>();
        store.mentions.values().forEach(m -> stories.add(m.rootKey()));
        assertEquals(Set.of("weibo:" + FakeWeibo.KOL_POST), stories);
        Mention root = store.mentions.get("weibo:" + FakeWeibo.KOL_POST);
        assertEquals(2_150_000, root.author().followers());
        Mention first = store.mentions.get("weibo:5039912345670101");
        assertEquals("2024-05-31T18:23+08:00", first.createdAt().toString());
        assertEquals(532, first.author().followers());
        assertEquals(6023, store.mentions.get("weibo:5039912345670125").author().followers());
        assertEquals(10, reposts.stream().map(Mention::createdAt).distinct().count(), "each repost keeps its own time");
        assertEquals(1, store.observations.size());
        assertEquals("weibo:" + FakeWeibo.KOL_POST, store.observations.get(0).mentionKey());
        assertEquals(1873, store.observations.get(0).metrics().reposts());
    }

    @Test
    void countersOfAStillStoryAreObservedLessAndLessOften() throws Exception {
        PollHarness h = harness("reposts", Map.of("minInterval", "50ms", "maxInterval", "1h"));
        h.drain(10);
        long first = every(h.cursor());
        skew.addAndGet(first + 5);
        h.round();
        long second = every(h.cursor());
        assertEquals(first * 2, second, "counters unchanged: the interval doubles");
        weibo.kolReposts = 2500;
        skew.addAndGet(second + 5);
        h.round();
        assertEquals(50, every(h.cursor()), "counters moved: back to the shortest interval");
        assertEquals(List.of(1873L, 1873L, 2500L), store.observations.stream().map(o -> o.metrics().reposts()).toList());
    }

    @Test
    void aDeletedPostIsDroppedWithAProblemAndNotRetried() throws Exception {
        fake.failNext("/2/statuses/repost_timeline.json", 1, FakeResponse.json(400,
                "{\"error\":\"target weibo does not exist!\",\"error_code\":20101,\"request\":\"/2/statuses/repost_timeline.json\"}"));
        PollHarness h = harness("reposts", Map.of());
        PollResult r = h.round();
        assertEquals("weibo post 5039912345670001: no longer there (20101), stopped following it", r.problems().get(0).toString());
        assertEquals("{}", h.cursor());
    }

    @Test
    void someoneElsesPostIsDroppedFromFollowingNotTheWholeFeed() throws Exception {
        fake.failNext("/2/statuses/repost_timeline.json", 1, FakeResponse.json(403,
                "{\"error\":\"uid must be the current user\",\"error_code\":21335,\"request\":\"/2/statuses/repost_timeline.json\"}"));
        PollHarness h = harness("reposts", Map.of());
        PollResult r = h.round();
        assertEquals("weibo post 5039912345670001: its reposts are not readable with this token (21335), stopped"
                + " following it", r.problems().get(0).toString());
        assertEquals(List.of(), h.errors);
    }

    @Test
    void aUsedUpQuotaPausesUntilWeiboSaysItResets() throws Exception {
        fake.failNext("/2/statuses/mentions.json", 1, Fixtures.response("weibo", "error_rate_limit_user_10023.json"));
        PollHarness h = harness("mentions", Map.of());
        h.round();
        assertEquals(ErrorAction.PAUSE, h.errors.get(0).action());
        assertEquals(Duration.ofSeconds(1447 + 5), h.errors.get(0).retryAfter());
        assertEquals("weibo /2/statuses/mentions.json: Weibo error 10023 (User requests out of rate limit!): hourly quota"
                + " used up, pausing this account until it resets (resets in 24 min)", h.errors.get(0).getMessage());
    }

    @Test
    void theCallBudgetIsSharedByTheAccountsFeedsAndNeverOverspent() throws Exception {
        Map<String, Object> c = config(fake.baseUrl());
        c.put("callsPerHour", 2);
        var connector = ConnectorTypes.create(new ConnectorConfig("acct", "weibo", c));
        var ctx = new TaskContext(vertx, Watchlist.NONE);
        var mentions = new PollHarness(connector.task(connector.feeds().get(0), ctx), "m", store);
        var toMe = new PollHarness(connector.task(connector.feeds().get(2), ctx), "c", store);
        mentions.round();
        toMe.round();
        int asked = fake.requests().size();
        PollResult third = mentions.round();
        assertEquals(asked, fake.requests().size(), "no request beyond the budget");
        assertTrue(third.pollAgainAfter().toSeconds() > 60, "waits for the budget: " + third.pollAgainAfter());
    }

    private static long every(String cursor) throws Exception {
        return new ObjectMapper().readTree(cursor).path(FakeWeibo.KOL_POST).path("every").asLong();
    }
}
