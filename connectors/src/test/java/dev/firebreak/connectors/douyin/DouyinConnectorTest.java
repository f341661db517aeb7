package dev.firebreak.connectors.douyin;

import static dev.firebreak.connectors.douyin.DouyinFake.COMMENT_1;
import static dev.firebreak.connectors.douyin.DouyinFake.VIDEO_1;
import static dev.firebreak.connectors.douyin.DouyinFake.VIDEO_2;
import static dev.firebreak.connectors.douyin.DouyinFake.VIDEO_3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connectors.testing.ConnectorContractTest;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.FakeRequest;
import dev.firebreak.connectors.testing.FakeResponse;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DouyinConnectorTest extends ConnectorContractTest {
    private final DouyinFake douyin = new DouyinFake();

    /**
     * One unhurried round trip before the contract's 500 ms time-outs apply: on a cold JVM (and a busy
     * 2-core machine) loading Vert.x, Netty and Jackson alone can take longer than that.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        io.vertx.core.Vertx v = io.vertx.core.Vertx.vertx();
        try (FakePlatformServer f = FakePlatformServer.start(v)) {
            new DouyinFake().install(f);
            dev.firebreak.connectors.http.PlatformHttp http = new dev.firebreak.connectors.http.PlatformHttp(v, "douyin",
                    f.baseUrl(), Duration.ofSeconds(30));
            http.get(VideoFeedTask.PATH, Map.of("cursor", "0"), Map.of("access-token", DouyinFake.TOKEN))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).json();
            http.close();
        } finally {
            v.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Override
    protected String type() {
        return "douyin";
    }

    @Override
    protected Map<String, Object> config(String baseUrl) {
        Map<String, Object> c = new HashMap<>();
        c.put("baseUrl", baseUrl);
        c.put("clientKey", "awfake0000nuantu");
        c.put("clientSecret", "client-secret-zz9");
        c.put("accessToken", DouyinFake.TOKEN);
        c.put("openId", DouyinFake.OPEN_ID);
        c.put("timeout", "500ms");
        return c;
    }

    @Override
    protected Set<String> secretKeys() {
        return Set.of("clientSecret", "accessToken");
    }

    @Override
    protected void serve(FakePlatformServer fake) {
        douyin.install(fake);
    }

    @Override
    protected Set<String> expectedKeys() {
        Set<String> keys = new HashSet<>();
        for (String f : List.of("video_list_page1.json", "video_list_page2.json")) {
            DouyinFake.ids(f, "item_id").forEach(id -> keys.add("douyin:" + id));
        }
        for (String f : List.of("item_comment_list_page1.json", "item_comment_list_page2.json",
                "item_comment_reply_list_page1.json")) {
            DouyinFake.ids(f, "comment_id").forEach(id -> keys.add("douyin:" + id));
        }
        assertEquals(14, keys.size(), "3 videos, 8 comments, 3 replies");
        return keys;
    }

    @Override
    protected List<ErrorCase> errorCases() {
        return List.of(
                new ErrorCase("2190008 expired, no refresh token", DouyinFake.fixture("error_expired_token_2190008.json"),
                        ErrorAction.REAUTH),
                new ErrorCase("2190002 invalid token", DouyinFake.fixture("error_invalid_token_2190002.json"), ErrorAction.REAUTH),
                new ErrorCase("2190004 no permission", DouyinFake.fixture("error_no_permission_2190004.json"), ErrorAction.FATAL),
                new ErrorCase("2100005 parameter error", DouyinFake.fixture("error_param_2100005.json"), ErrorAction.FATAL),
                new ErrorCase("2190001 quota", DouyinFake.fixture("error_quota_2190001.json"), ErrorAction.PAUSE),
                new ErrorCase("2100004 system busy", DouyinFake.fixture("error_system_busy_2100004.json"), ErrorAction.RETRY),
                new ErrorCase("truncated body", DouyinFake.fixture("item_comment_list_truncated.json"), ErrorAction.RETRY),
                new ErrorCase("HTTP 429", new FakeResponse(429, Map.of("Retry-After", "120"), new byte[0]), ErrorAction.PAUSE));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Connector connector(Map<String, Object> overrides) throws ConfigException {
        Map<String, Object> c = new HashMap<>(config(fake.baseUrl()));
        c.putAll(overrides);
        return ConnectorTypes.create(new ConnectorConfig("acct", "douyin", c));
    }

    private PollTask task(Connector c, String feed) {
        return c.task(new Feed("acct", feed), TaskContext.of(vertx));
    }

    private static PollResult poll(PollTask t, String cursor) throws Exception {
        return t.poll(cursor).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static PlatformException failure(PollTask t, String cursor) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> t.poll(cursor).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        return (PlatformException) e.getCause();
    }

    private static List<String> ids(PollResult r) {
        return r.mentions().stream().map(Mention::id).toList();
    }

    // ---- behaviour ----------------------------------------------------------------------------

    @Test
    void anExpiredTokenIsRefreshedThroughTheBodyAndTheNewTokenIsUsedAfter() throws Exception {
        douyin.validToken = "act.renewed-0002";
        List<String> refreshBodies = new ArrayList<>();
        fake.route("POST", DouyinAuth.REFRESH_PATH, r -> {
            refreshBodies.add(r.body());
            return FakeResponse.json(200, "{\"data\":{\"access_token\":\"act.renewed-0002\",\"refresh_token\":\"rt.next-0002\","
                    + "\"expires_in\":1296000,\"open_id\":\"" + DouyinFake.OPEN_ID + "\",\"error_code\":0,\"description\":\"\"},"
                    + "\"message\":\"success\"}");
        });
        PollTask videos = task(connector(Map.of("refreshToken", "rt.first-0001")), DouyinConnector.VIDEOS);
        PollResult first = poll(videos, null);
        assertEquals(List.of(VIDEO_1, VIDEO_2), ids(first));

        List<FakeRequest> refreshes = fake.requests(DouyinAuth.REFRESH_PATH);
        assertEquals(1, refreshes.size());
        assertEquals(Map.of(), refreshes.get(0).query(), "nothing of the refresh goes in the URL");
        JsonNode body = FirebreakJson.mapper().readTree(refreshBodies.get(0));
        assertEquals("rt.first-0001", body.path("refresh_token").asText());
        assertEquals("refresh_token", body.path("grant_type").asText());
        assertEquals("awfake0000nuantu", body.path("client_key").asText());

        poll(videos, first.nextCursor());
        List<FakeRequest> lists = fake.requests(VideoFeedTask.PATH);
        assertEquals(List.of(DouyinFake.TOKEN, "act.renewed-0002", "act.renewed-0002"),
                lists.stream().map(r -> r.header("access-token")).toList(), "old token once, then the renewed one");
        assertEquals(1, fake.requests(DouyinAuth.REFRESH_PATH).size(), "no second refresh");
    }

    @Test
    void aRefusedRefreshIsReauthWithTheRefreshCode() throws Exception {
        douyin.validToken = "act.never";
        fake.route("POST", DouyinAuth.REFRESH_PATH, r -> DouyinFake.error(10010, "refresh_token过期"));
        PlatformException e = failure(task(connector(Map.of("refreshToken", "rt.first-0001")), DouyinConnector.VIDEOS), null);
        assertEquals(ErrorAction.REAUTH, e.action());
        assertEquals("10010", e.code());
        assertFalse(e.getMessage().contains("rt.first-0001"), e.getMessage());
        assertEquals(1, fake.requests(VideoFeedTask.PATH).size(), "not retried after a refused refresh");
    }

    @Test
    void aQuotaPauseSaysHowLongOrLeavesItToProbes() throws Exception {
        fake.failNext(null, 1, new FakeResponse(429, Map.of("Retry-After", "120"), new byte[0]));
        PlatformException e = failure(task(connector(Map.of()), DouyinConnector.VIDEOS), null);
        assertEquals(ErrorAction.PAUSE, e.action());
        assertEquals(Duration.ofSeconds(120), e.retryAfter());
        fake.failNext(null, 1, DouyinFake.fixture("error_quota_2190001.json"));
        PlatformException q = failure(task(connector(Map.of()), DouyinConnector.VIDEOS), null);
        assertEquals("2190001", q.code());
        assertNull(q.retryAfter(), "Douyin publishes no quota window: the runtime probes instead of waiting blind");
        assertEquals(Duration.ofHours(1), q.probeCap());
        fake.failNext(null, 1, new FakeResponse(429, Map.of(), new byte[0]));
        PlatformException bare = failure(task(connector(Map.of()), DouyinConnector.VIDEOS), null);
        assertEquals(ErrorAction.PAUSE, bare.action());
        assertNull(bare.retryAfter(), "a 429 without Retry-After is probed too");
    }

    @Test
    void idsGoToDouyinExactlyAsTheyCame() throws Exception {
        Connector c = connector(Map.of());
        poll(task(c, DouyinConnector.VIDEOS), null);
        PollResult r = poll(task(c, DouyinConnector.COMMENTS), null);
        assertEquals(8 + 3, r.mentions().size());
        FakeRequest comments = fake.requests(CommentRound.COMMENTS).get(0);
        assertEquals(VIDEO_1, comments.q("item_id"));
        assertEquals(DouyinFake.OPEN_ID, comments.q("open_id"));
        assertEquals("time", comments.q("sort_type"));
        FakeRequest replies = fake.requests(CommentRound.REPLIES).get(0);
        assertEquals(COMMENT_1, replies.q("comment_id"));
        assertEquals(VIDEO_1, replies.q("item_id"));
    }

    @Test
    void mentionsAreMappedFieldByField() throws Exception {
        Connector c = connector(Map.of());
        Mention video = poll(task(c, DouyinConnector.VIDEOS), null).mentions().get(0);
        assertEquals(new Mention(dev.firebreak.core.Platform.DOUYIN, VIDEO_1, Kind.VIDEO,
                "暖途T7空气炸锅一锅出三菜，懒人晚餐教程 #空气炸锅 #懒人食谱", OffsetDateTime.parse("2024-05-28T18:20:00+08:00"),
                new dev.firebreak.core.Author(DouyinFake.OPEN_ID, DouyinFake.OPEN_ID, 0, false), null, null,
                "https://www.iesdouyin.com/share/video/7374000000000000001/", new Metrics(0, 1894, 15230, 732, 0)), video);

        PollResult r = poll(task(c, DouyinConnector.COMMENTS), null);
        Mention comment = r.mentions().stream().filter(m -> m.id().equals(COMMENT_1)).findFirst().orElseThrow();
        assertEquals(Kind.COMMENT, comment.kind());
        assertEquals(VIDEO_1, comment.parentId());
        assertEquals(VIDEO_1, comment.rootId());
        assertEquals("_0000001abcd-4e5f-8a9b-000000000001", comment.author().id());
        assertEquals(0, comment.author().followers());
        assertEquals(new Metrics(0, 286, 3412, 0, 0), comment.metrics());
        assertEquals(OffsetDateTime.parse("2024-05-31T19:28:20+08:00"), comment.createdAt());
        List<Mention> replies = r.mentions().stream().filter(m -> COMMENT_1.equals(m.parentId())).toList();
        assertEquals(DouyinFake.ids("item_comment_reply_list_page1.json", "comment_id"),
                replies.stream().map(Mention::id).toList());
        replies.forEach(m -> assertEquals(VIDEO_1, m.rootId()));
        assertEquals("黑猫投诉上已经一百多条了，建议联名", replies.get(1).text());
    }

    @Test
    void anUnavailableVideoIsSkippedWithAProblemAndTheFeedMovesOn() throws Exception {
        douyin.commentListOverride.put(VIDEO_1, DouyinFake.error(2111002, "获取评论失败"));
        Connector c = connector(Map.of());
        poll(task(c, DouyinConnector.VIDEOS), null);
        PollTask comments = task(c, DouyinConnector.COMMENTS);
        PollResult r = poll(comments, null);
        assertEquals(List.of(), r.mentions());
        assertEquals(1, r.problems().size());
        assertEquals("douyin video " + VIDEO_1, r.problems().get(0).where());
        assertTrue(r.problems().get(0).message().contains("2111002"), r.problems().get(0).message());
        poll(comments, r.nextCursor());
        assertEquals(List.of(VIDEO_1, VIDEO_2), fake.requests(CommentRound.COMMENTS).stream().map(q -> q.q("item_id")).toList(),
                "the next poll goes on to the next video");
    }

    @Test
    void aCommentWhoseRepliesFailIsSkippedAndItsRepliesAreAskedForAgainNextRound() throws Exception {
        douyin.replyListOverride.put(COMMENT_1, DouyinFake.error(2111004, "评论不属于该视频"));
        Connector c = connector(Map.of());
        poll(task(c, DouyinConnector.VIDEOS), null);
        PollTask comments = task(c, DouyinConnector.COMMENTS);
        PollResult r = poll(comments, null);
        assertEquals(8, r.mentions().size(), "every comment, none of the failing replies");
        assertEquals(List.of("douyin comment " + COMMENT_1), r.problems().stream().map(PollResult.Problem::where).toList());

        douyin.replyListOverride.clear();
        String cursor = r.nextCursor();
        cursor = poll(comments, cursor).nextCursor(); // VIDEO_2: no comments
        PollResult again = poll(comments, cursor);   // VIDEO_1 again: no new comments, the skipped replies
        assertEquals(DouyinFake.ids("item_comment_reply_list_page1.json", "comment_id"), ids(again));
        assertEquals(List.of(), again.problems());
    }

    @Test
    void aQuietSecondRoundCostsOneCommentPageAndNoReplyCalls() throws Exception {
        Connector c = connector(Map.of());
        poll(task(c, DouyinConnector.VIDEOS), null);
        PollTask comments = task(c, DouyinConnector.COMMENTS);
        String cursor = poll(comments, null).nextCursor();
        cursor = poll(comments, cursor).nextCursor();
        int commentCalls = fake.requests(CommentRound.COMMENTS).size();
        int replyCalls = fake.requests(CommentRound.REPLIES).size();
        PollResult quiet = poll(comments, cursor);
        assertEquals(List.of(), quiet.mentions());
        assertEquals(commentCalls + 1, fake.requests(CommentRound.COMMENTS).size());
        assertEquals(replyCalls, fake.requests(CommentRound.REPLIES).size());
    }

    @Test
    void statisticsAreObservedOnAScheduleThatSlowsWhileCountsStandStill() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_717_158_000_000L);
        DouyinConnector c = new DouyinConnector(now::get);
        Map<String, Object> cfg = new HashMap<>(config(fake.baseUrl()));
        cfg.put("maxInterval", "4m");
        c.configure(new ConnectorConfig("acct", "douyin", cfg).checkedAgainst(c.configDef()));
        douyin.stats.put(VIDEO_1, new long[] {100, 10, 1});
        douyin.stats.put(VIDEO_2, new long[] {200, 20, 2});
        poll(task(c, DouyinConnector.VIDEOS), null);
        PollTask stats = task(c, DouyinConnector.STATS);

        PollResult first = poll(stats, null);
        assertEquals(List.of(new dev.firebreak.core.CounterObservation("douyin:" + VIDEO_1,
                        OffsetDateTime.parse("2024-05-31T20:20:00+08:00"), new Metrics(0, 10, 100, 1, 0)),
                new dev.firebreak.core.CounterObservation("douyin:" + VIDEO_2,
                        OffsetDateTime.parse("2024-05-31T20:20:00+08:00"), new Metrics(0, 20, 200, 2, 0))),
                first.observations());
        assertEquals(List.of(), first.mentions());
        assertEquals(Duration.ofMinutes(1), first.pollAgainAfter());
        JsonNode asked = FirebreakJson.mapper().readTree(fake.requests(StatsFeedTask.PATH).get(0).body());
        assertEquals(2, asked.path("item_ids").size());

        PollResult early = poll(stats, first.nextCursor());
        assertEquals(List.of(), early.observations(), "nothing is due yet");
        assertEquals(1, fake.requests(StatsFeedTask.PATH).size());

        now.addAndGet(60_000);
        PollResult still = poll(stats, early.nextCursor());
        assertEquals(2, still.observations().size());
        assertEquals(Duration.ofMinutes(2), still.pollAgainAfter(), "unchanged counts: the interval doubles");

        now.addAndGet(120_000);
        douyin.stats.put(VIDEO_1, new long[] {150, 12, 1});
        PollResult moved = poll(stats, still.nextCursor());
        assertEquals(2, moved.observations().size());
        assertEquals(new Metrics(0, 12, 150, 1, 0), moved.observations().get(0).metrics());
        assertEquals(Duration.ofMinutes(1), moved.pollAgainAfter(), "VIDEO_1 moved: back to the shortest interval");

        now.addAndGet(60_000);
        PollResult onlyHot = poll(stats, moved.nextCursor());
        assertEquals(List.of("douyin:" + VIDEO_1), onlyHot.observations().stream()
                .map(dev.firebreak.core.CounterObservation::mentionKey).toList(), "VIDEO_2 is on 4 minutes now");
    }

    @Test
    void aRestartInTheMiddleOfACommentScanContinuesFromItsPage() throws Exception {
        // Page size 5 and a page cap are met by the fixture: page 1 then page 2 (cursor 5).
        Connector c = connector(Map.of());
        poll(task(c, DouyinConnector.VIDEOS), null);
        CommentCursor mid = new CommentCursor(null, VIDEO_1, true, Map.of(VIDEO_1, new VideoThread(
                new ScanState(Mark.NONE, 5L, new Mark(1717154900, List.of(COMMENT_1)), new Mark(1717153600,
                        List.of(DouyinFake.id("item_comment_list_page1.json", 4, "comment_id")))),
                Mark.NONE, null, Map.of(), Map.of())));
        PollResult r = poll(task(connector(Map.of()), DouyinConnector.COMMENTS), DouyinCursors.write(mid));
        assertEquals(DouyinFake.ids("item_comment_list_page2.json", "comment_id"),
                r.mentions().stream().filter(m -> m.kind() == Kind.COMMENT && VIDEO_1.equals(m.parentId()))
                        .map(Mention::id).toList());
        assertEquals("5", fake.requests(CommentRound.COMMENTS).get(0).q("cursor"));
        CommentCursor after = FirebreakJson.read(r.nextCursor(), CommentCursor.class);
        assertNull(after.current());
        assertEquals(new Mark(1717154900, List.of(COMMENT_1)), after.thread(VIDEO_1).comments().done());
    }

    @Test
    void configurationErrorsNameTheKeyAndNeverTheSecret() {
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("timeout", "soon"), Map.of("pageSize", 0),
                Map.of("minInterval", "10m", "maxInterval", "1m"), Map.of("accessToken", " "))) {
            errors.add(assertThrows(ConfigException.class, () -> connector(bad)).getMessage());
        }
        assertEquals(List.of(
                "Invalid value soon for configuration timeout: must be a whole number with a unit (ms, s, m, h, d), such as 30s or 5m",
                "Invalid value 0 for configuration pageSize: must be a positive whole number",
                "Invalid value 1m for configuration maxInterval: must not be shorter than minInterval (10m)",
                "Invalid value (empty) for configuration accessToken: must not be empty (set it in the file or through ${ENV_VAR})"),
                errors);
        Map<String, Object> noOpenId = new HashMap<>(config(fake.baseUrl()));
        noOpenId.remove("openId");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConnectorTypes.create(new ConnectorConfig("acct", "douyin", noOpenId)));
        assertEquals("missing configuration openId for douyin connector \"acct\": the business account's open_id", e.getMessage());
    }

    @Test
    void settingsNeverPrintSecrets() throws Exception {
        DouyinConnector c = (DouyinConnector) connector(Map.of("refreshToken", "rt.hidden-77"));
        String text = c.toString() + String.valueOf(c.settings());
        assertFalse(text.contains(DouyinFake.TOKEN), text);
        assertFalse(text.contains("client-secret-zz9"), text);
        assertFalse(text.contains("rt.hidden-77"), text);
        assertTrue(text.contains("refreshToken=set"), text);
    }

    @Test
    void theVideoFeedRegistersVideosForTheOtherFeeds() throws Exception {
        Connector c = connector(Map.of());
        PollTask videos = task(c, DouyinConnector.VIDEOS);
        String cursor = poll(videos, null).nextCursor();
        poll(videos, cursor);
        assertEquals(List.of(VIDEO_1, VIDEO_2, VIDEO_3), ((DouyinConnector) c).knownVideos());
    }

    @Test
    void aVideoInAnOpenStoryStaysOnTheShortestInterval() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_717_158_000_000L);
        DouyinConnector c = new DouyinConnector(now::get);
        c.configure(new ConnectorConfig("acct", "douyin", config(fake.baseUrl())).checkedAgainst(c.configDef()));
        douyin.stats.put(VIDEO_1, new long[] {100, 10, 1});
        douyin.stats.put(VIDEO_2, new long[] {200, 20, 2});
        poll(task(c, DouyinConnector.VIDEOS), null);
        dev.firebreak.connect.api.Watchlist open = platform -> io.vertx.core.Future.succeededFuture(List.of(
                new dev.firebreak.connect.api.Watchlist.WatchedPost(VIDEO_2, java.time.Instant.ofEpochMilli(now.get()))));
        PollTask stats = c.task(new Feed("acct", DouyinConnector.STATS), new TaskContext(vertx, open));
        String cursor = poll(stats, null).nextCursor();
        List<List<String>> observed = new ArrayList<>();
        for (int minute = 1; minute <= 3; minute++) {
            now.addAndGet(60_000);
            PollResult r = poll(stats, cursor);
            cursor = r.nextCursor();
            observed.add(r.observations().stream().map(o -> o.mentionKey().substring("douyin:".length())).toList());
        }
        // Nothing moves: VIDEO_1 decays to 2 minutes, the watched VIDEO_2 is asked every minute.
        assertEquals(List.of(List.of(VIDEO_1, VIDEO_2), List.of(VIDEO_2), List.of(VIDEO_1, VIDEO_2)), observed);
    }

    @Test
    void httpStatusesWithoutADouyinCodeMapByStatus() throws Exception {
        fake.failNext(null, 1, new FakeResponse(401, Map.of(), new byte[0]));
        assertEquals(ErrorAction.REAUTH, failure(task(connector(Map.of()), DouyinConnector.VIDEOS), null).action());
        fake.failNext(null, 1, FakeResponse.json(404, "{\"error\":\"no such path\"}"));
        PlatformException notFound = failure(task(connector(Map.of()), DouyinConnector.VIDEOS), null);
        assertEquals(ErrorAction.FATAL, notFound.action());
        assertEquals("http-404", notFound.code());
        fake.failNext(null, 1, DouyinFake.error(2111007, "获取视频失败"));
        PlatformException onTheList = failure(task(connector(Map.of()), DouyinConnector.VIDEOS), null);
        assertEquals(ErrorAction.RETRY, onTheList.action(), "an item-level code on the video list has no item to skip");
        assertEquals("2111007", onTheList.code());
    }

    @Test
    void aSpentBudgetFetchesNothingAndSaysWhenToComeBack() throws Exception {
        PollTask videos = task(connector(Map.of("callsPerHour", 1)), DouyinConnector.VIDEOS);
        PollResult first = poll(videos, null);
        assertEquals(2, first.mentions().size());
        PollResult spent = poll(videos, first.nextCursor());
        assertEquals(List.of(), spent.mentions());
        assertEquals(first.nextCursor(), spent.nextCursor());
        assertTrue(spent.pollAgainAfter().compareTo(Duration.ofMinutes(59)) > 0, spent.pollAgainAfter().toString());
        assertEquals(1, fake.requests(VideoFeedTask.PATH).size());
    }
}
