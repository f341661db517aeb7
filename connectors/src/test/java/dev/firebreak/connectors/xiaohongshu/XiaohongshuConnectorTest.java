package dev.firebreak.connectors.xiaohongshu;

import static dev.firebreak.connectors.xiaohongshu.XhsFake.NOTE1;
import static dev.firebreak.connectors.xiaohongshu.XhsFake.NOTE2;
import static dev.firebreak.connectors.xiaohongshu.XhsFake.P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connectors.testing.ConnectorContractTest;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.FakeRequest;
import dev.firebreak.connectors.testing.FakeResponse;
import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.connectors.testing.PollHarness;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XiaohongshuConnectorTest extends ConnectorContractTest {
    static final String TOKEN = "xhs-secret-token-7f3a";

    /**
     * Loads the HTTP client, server and JSON classes once with a patient time-out, so the contract's
     * 500ms time-out measures the connector and not a cold JVM on a busy two-core machine.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        Vertx v = Vertx.vertx();
        try (FakePlatformServer f = FakePlatformServer.start(v)) {
            XhsFake.serve(f);
            XhsSettings s = new XhsSettings(f.baseUrl(), TOKEN, List.of("k"), Duration.ofSeconds(10), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), 10, 1, 20);
            XhsClient client = new XhsClient(v, s);
            client.search("k", 1).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            client.close();
        } finally {
            v.close();
        }
    }

    @Override
    protected String type() {
        return "xiaohongshu";
    }

    /** One search page and one comment page per poll, so the feed takes several polls to drain. */
    @Override
    protected Map<String, Object> config(String baseUrl) {
        return Map.of("baseUrl", baseUrl, "accessToken", TOKEN, "keywords", List.of("暖途 空气炸锅"),
                "timeout", "500ms", "maxPages", 1, "callsPerHour", 10_000);
    }

    @Override
    protected Set<String> secretKeys() {
        return Set.of("accessToken");
    }

    @Override
    protected void serve(FakePlatformServer fake) {
        XhsFake.serve(fake);
    }

    @Override
    protected Set<String> expectedKeys() {
        return XhsFake.KEYS;
    }

    @Override
    protected List<ErrorCase> errorCases() {
        return List.of(
                new ErrorCase("300012 IP blocked", Fixtures.response(P, "error_ip_blocked_300012.json"), ErrorAction.PAUSE),
                new ErrorCase("300011 account restricted", Fixtures.response(P, "error_security_300011.json"),
                        ErrorAction.REAUTH),
                new ErrorCase("-100 login expired", Fixtures.response(P, "error_login_expired.json"), ErrorAction.REAUTH),
                new ErrorCase("461 captcha", Fixtures.response(P, "captcha_461.json"), ErrorAction.REAUTH),
                // "note gone" answering the search itself is no particular note's: an unexpected answer, retried.
                new ErrorCase("-510000 on the search", Fixtures.response(P, "error_note_not_found_-510000.json"),
                        ErrorAction.RETRY),
                new ErrorCase("truncated body", Fixtures.response(P, "web_comment_truncated.json"), ErrorAction.RETRY),
                new ErrorCase("471 captcha", new FakeResponse(471, Map.of("Verifytype", "102"), new byte[0]),
                        ErrorAction.REAUTH),
                new ErrorCase("401", FakeResponse.json(401, "{}"), ErrorAction.REAUTH),
                new ErrorCase("403", FakeResponse.json(403, "{}"), ErrorAction.REAUTH),
                new ErrorCase("429", new FakeResponse(429, Map.of("Retry-After", "120"), new byte[0]), ErrorAction.PAUSE),
                new ErrorCase("404 wrong source", FakeResponse.json(404, "{}"), ErrorAction.FATAL));
    }

    private PollHarness harness(Map<String, Object> overrides) throws Exception {
        Map<String, Object> cfg = new HashMap<>(config(fake.baseUrl()));
        cfg.putAll(overrides);
        var c = ConnectorTypes.create(new ConnectorConfig("acct", type(), cfg));
        return new PollHarness(c.task(c.feeds().get(0), dev.firebreak.connect.api.TaskContext.of(vertx)),
                c.feeds().get(0).key(), store);
    }

    @Test
    void notesAndCommentsAreMappedFieldByField() throws Exception {
        harness(Map.of("maxPages", 5)).drain(5);
        String url = "https://www.xiaohongshu.com/explore/" + NOTE1 + "?xsec_token=ABfakeXsecToken00abc1%3D";
        Mention note = store.mentions.get("xiaohongshu:" + NOTE1);
        assertEquals(new Mention(Platform.XIAOHONGSHU, NOTE1, Kind.NOTE, "避雷！暖途T7空气炸锅一个月掉涂层\n"
                + "5月初买的，不到一个月内胆涂层一片片掉，客服说是我用钢丝球刷的（根本没有！）申请退款被拒，已经在黑猫投诉和12315都提交了。"
                + "姐妹们买之前一定看清楚 #空气炸锅[话题]# #避雷[话题]#",
                OffsetDateTime.parse("2024-05-31T19:20:00+08:00"), new Author("5e8f0000000000000100aa01", "踩坑小能手", 0, false),
                null, null, url, new Metrics(0, 2103, 12000, 987, 3456)), note);
        assertEquals(new Mention(Platform.XIAOHONGSHU, "6659b001000000001d01c001", Kind.COMMENT, "我的也是！客服一直说人为损坏，气死",
                OffsetDateTime.parse("2024-05-31T19:25:00+08:00"), new Author("5e8f0000000000000100bb01", "一颗橙子", 0, false),
                NOTE1, NOTE1, url, new Metrics(0, 45, 1832, 0, 0)), store.mentions.get("xiaohongshu:6659b001000000001d01c001"));
        // Note 2's title only (its desc is empty), counters from display strings.
        Mention two = store.mentions.get("xiaohongshu:" + NOTE2);
        assertEquals("暖途T7真实使用两周测评", two.text());
        assertEquals(new Metrics(0, 144, 856, 60, 1203), two.metrics());
    }

    @Test
    void requestsCarryTheSearchBodyAndTheCommentCursor() throws Exception {
        harness(Map.of("maxPages", 5)).drain(5);
        FakeRequest first = fake.requests(XhsClient.SEARCH).get(0);
        assertEquals("{\"keyword\":\"暖途 空气炸锅\",\"page\":1,\"page_size\":20,\"sort\":\"time_descending\"}", first.body());
        assertEquals(2, XhsFake.body(fake.requests(XhsClient.SEARCH).get(1)).path("page").asInt());
        List<String> note1Cursors = fake.requests(XhsClient.COMMENTS).stream().filter(r -> NOTE1.equals(r.q("note_id")))
                .map(r -> r.q("cursor")).toList();
        assertEquals(List.of("", XhsFake.PAGE2_CURSOR, ""), note1Cursors.subList(0, 3));
        assertEquals("ABfakeXsecToken00abc1=", fake.requests(XhsClient.COMMENTS).get(0).q("xsec_token"));
    }

    @Test
    void theTokenTravelsOnlyAsABearerHeader() throws Exception {
        harness(Map.of()).drain(10);
        assertTrue(fake.requests().size() >= 8, "too few requests to judge: " + fake.requests().size());
        for (FakeRequest r : fake.requests()) {
            assertEquals("Bearer " + TOKEN, r.header("Authorization"), r.path());
            assertFalse(r.body().contains(TOKEN), "token in a body of " + r.path());
            assertFalse(r.query().values().stream().anyMatch(v -> v.contains(TOKEN)), "token in a query of " + r.path());
        }
    }

    @Test
    void aDeletedNoteIsSkippedWithAProblemWhileTheOthersContinue() throws Exception {
        fake.route("POST", XhsClient.FEED, r -> {
            String id = XhsFake.body(r).path("source_note_id").asText();
            return NOTE2.equals(id) ? Fixtures.response(P, "error_note_not_found_-510000.json") : XhsFake.detail(id);
        });
        PollHarness h = harness(Map.of("maxPages", 5));
        PollResult first = h.round();
        assertEquals(List.of(new PollResult.Problem("xiaohongshu note " + NOTE2,
                "the note is deleted or hidden (code -510000); skipped")), first.problems());
        h.drain(5);
        Set<String> expected = new TreeSet<>(XhsFake.KEYS);
        expected.remove("xiaohongshu:" + NOTE2);
        assertEquals(expected, new TreeSet<>(store.indexed.keySet()));
        assertEquals(List.of(), h.errors);
        long asked = fake.requests(XhsClient.FEED).stream()
                .filter(r -> NOTE2.equals(XhsFake.body(r).path("source_note_id").asText())).count();
        assertEquals(1, asked, "a gone note is not asked for again");
        assertTrue(fake.requests(XhsClient.COMMENTS).stream().noneMatch(r -> NOTE2.equals(r.q("note_id"))),
                "no comments are fetched for a gone note");
    }

    @Test
    void aCaptchaNeedsAPersonAndSaysSo() throws Exception {
        PollHarness h = harness(Map.of());
        fake.failNext(null, 1, Fixtures.response(P, "captcha_461.json"));
        assertNull(h.round());
        PlatformException e = h.errors.get(0);
        assertEquals(ErrorAction.REAUTH, e.action());
        assertEquals("461", e.code());
        assertEquals("xiaohongshu " + XhsClient.SEARCH + ": HTTP 461: the source demands a captcha (Verifytype 102,"
                + " Verifyuuid fake-uuid-0001); a person must clear the captcha for this account before polling resumes",
                e.getMessage());
    }

    @Test
    void ipBlockPausesForHalfAnHourRetryAfterIsHonouredAndABare429IsProbed() throws Exception {
        PollHarness h = harness(Map.of());
        fake.failNext(null, 1, Fixtures.response(P, "error_ip_blocked_300012.json"));
        fake.failNext(null, 1, new FakeResponse(429, Map.of("Retry-After", "120"), new byte[0]));
        h.round();
        h.round();
        assertEquals(Duration.ofMinutes(30), h.errors.get(0).retryAfter());
        assertEquals("300012", h.errors.get(0).code());
        assertEquals(Duration.ofSeconds(120), h.errors.get(1).retryAfter());
        fake.failNext(null, 1, new FakeResponse(429, Map.of(), new byte[0]));
        h.round();
        assertEquals(ErrorAction.PAUSE, h.errors.get(2).action());
        assertNull(h.errors.get(2).retryAfter(), "no Retry-After: the window is unknown, so the runtime probes");
        assertEquals(Duration.ofHours(1), h.errors.get(2).probeCap());
    }

    @Test
    void aNewNoteOnTopIsTheOnlyOneTakenNextPoll() throws Exception {
        PollHarness h = harness(Map.of("maxPages", 5));
        h.drain(5);
        int before = store.indexed.size();
        String fresh = "665a0000000000001e00abc9";
        fake.route("POST", XhsClient.SEARCH, r -> {
            if (XhsFake.body(r).path("page").asInt() != 1) {
                return Fixtures.response(P, "web_search_notes_empty.json");
            }
            String page1 = Fixtures.response(P, "web_search_notes_page1.json").text();
            String item = page1.substring(page1.indexOf("{", page1.indexOf("\"items\"")), page1.indexOf("},\n      {") + 1)
                    .replace(NOTE1, fresh);
            return FakeResponse.json(200, page1.replace("\"items\": [", "\"items\": [" + item + ","));
        });
        fake.route("POST", XhsClient.FEED, r -> {
            String id = XhsFake.body(r).path("source_note_id").asText();
            return id.equals(fresh) ? FakeResponse.json(200, XhsFake.detail(NOTE1).text().replace(NOTE1, fresh))
                    : XhsFake.detail(id);
        });
        PollResult r = h.round();
        assertEquals(List.of("xiaohongshu:" + fresh), r.mentions().stream().map(Mention::key).toList());
        assertEquals(before + 1, store.indexed.size());
        assertEquals(List.of(), store.duplicates());
    }

    @Test
    void whenTheCallBudgetRunsOutThePollKeepsWhatItHasAndAResumeTakesTheRest() throws Exception {
        PollHarness h = harness(Map.of("maxPages", 5, "callsPerHour", 3));
        PollResult r = h.round();
        // Three calls: both search pages and one note's detail. Notes 2 and 3 wait in the cursor.
        assertEquals(List.of("xiaohongshu:" + NOTE1), r.mentions().stream().map(Mention::key).toList());
        // 3 calls an hour: the next one is 20 minutes away.
        assertTrue(r.pollAgainAfter().compareTo(Duration.ofMinutes(19)) > 0
                && r.pollAgainAfter().compareTo(Duration.ofMinutes(20)) <= 0, "waits for the budget: " + r.pollAgainAfter());
        assertTrue(r.nextCursor().contains("\"pending\":[{\"id\":\"" + NOTE2 + "\""), r.nextCursor());
        harness(Map.of("maxPages", 5)).drain(10);
        assertEquals(new TreeSet<>(XhsFake.KEYS), new TreeSet<>(store.indexed.keySet()));
        assertEquals(List.of(), store.duplicates());
    }

    @Test
    void watchedNotesGetCounterObservationsWhenSeenAgain() throws Exception {
        Map<String, Object> cfg = new HashMap<>(config(fake.baseUrl()));
        cfg.put("maxPages", 5);
        var c = ConnectorTypes.create(new ConnectorConfig("acct", type(), cfg));
        dev.firebreak.connect.api.Watchlist watch = p -> io.vertx.core.Future.succeededFuture(
                List.of(new dev.firebreak.connect.api.Watchlist.WatchedPost(NOTE1, java.time.Instant.now())));
        PollHarness h = new PollHarness(c.task(c.feeds().get(0), new dev.firebreak.connect.api.TaskContext(vertx, watch)),
                c.feeds().get(0).key(), store);
        assertEquals(List.of(), h.round().observations(), "a note is not observed the poll it is found");
        PollResult again = h.round();
        assertEquals(1, again.observations().size());
        assertEquals("xiaohongshu:" + NOTE1, again.observations().get(0).mentionKey());
        assertEquals(new Metrics(0, 2103, 12000, 987, 3456), again.observations().get(0).metrics());
    }

    @Test
    void configErrorsNameTheKeyAndWhy() {
        Map<String, Object> cfg = new HashMap<>(config("http://127.0.0.1:1"));
        cfg.put("minInterval", "10m");
        cfg.put("maxInterval", "5m");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.firebreak.connect.api.ConfigException.class,
                () -> ConnectorTypes.create(new ConnectorConfig("acct", type(), cfg)));
        assertEquals("Invalid value 5m for configuration maxInterval: must not be shorter than minInterval (10m)",
                e.getMessage());
        cfg.put("maxInterval", "1h");
        cfg.put("maxPages", 0);
        e = org.junit.jupiter.api.Assertions.assertThrows(dev.firebreak.connect.api.ConfigException.class,
                () -> ConnectorTypes.create(new ConnectorConfig("acct", type(), cfg)));
        assertEquals("Invalid value 0 for configuration maxPages: must be a positive whole number", e.getMessage());
        cfg.put("maxPages", 5);
        cfg.put("accessToken", " ");
        e = org.junit.jupiter.api.Assertions.assertThrows(dev.firebreak.connect.api.ConfigException.class,
                () -> ConnectorTypes.create(new ConnectorConfig("acct", type(), cfg)));
        assertEquals("Invalid value (empty) for configuration accessToken: must not be empty (set it in the file or"
                + " through ${ENV_VAR})", e.getMessage());
    }
}
