package dev.firebreak.connectors.xiaohongshu;

import static dev.firebreak.connectors.xiaohongshu.XhsFake.COMMENT1;
import static dev.firebreak.connectors.xiaohongshu.XhsFake.NOTE1;
import static dev.firebreak.connectors.xiaohongshu.XhsFake.P;
import static dev.firebreak.connectors.xiaohongshu.XhsFake.REPLIES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.FakeResponse;
import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.connectors.testing.PollHarness;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies beyond the few a comment page ships inline come from {@code /comment/sub/page}, every page, once. */
class XiaohongshuRepliesTest {
    private final PollHarness.Store store = new PollHarness.Store();
    private Vertx vertx;
    private FakePlatformServer fake;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        fake = FakePlatformServer.start(vertx);
        XhsFake.serve(fake);
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private PollHarness harness() throws Exception {
        var c = ConnectorTypes.create(new ConnectorConfig("acct", XiaohongshuConnector.TYPE, Map.of("baseUrl",
                fake.baseUrl(), "accessToken", XiaohongshuConnectorTest.TOKEN, "keywords", List.of("暖途"),
                "timeout", "5s", "maxPages", 5, "callsPerHour", 10_000)));
        return new PollHarness(c.task(c.feeds().get(0), TaskContext.of(vertx)), c.feeds().get(0).key(), store);
    }

    private List<String> replyCursors() {
        return fake.requests(XhsClient.REPLIES).stream().filter(r -> COMMENT1.equals(r.q("root_comment_id")))
                .map(r -> r.q("cursor")).toList();
    }

    @Test
    void aCommentWithThreeReplyPagesYieldsAllItsRepliesOnceAnsweringTheirCommentUnderTheNote() throws Exception {
        PollHarness h = harness();
        h.drain(6);
        h.round();

        assertEquals(new TreeSet<>(XhsFake.KEYS), new TreeSet<>(store.indexed.keySet()));
        assertEquals(List.of(), store.duplicates());
        assertEquals(List.of("", REPLIES.get(1), REPLIES.get(3)), replyCursors(),
                "the three pages once, from the comment's sub_comment_cursor; not again while its count stays");
        assertEquals("10", fake.requests(XhsClient.REPLIES).get(0).q("num"));
        assertEquals("ABfakeXsecToken00abc1=", fake.requests(XhsClient.REPLIES).get(0).q("xsec_token"));
        String url = "https://www.xiaohongshu.com/explore/" + NOTE1 + "?xsec_token=ABfakeXsecToken00abc1%3D";
        for (int i = 0; i < REPLIES.size(); i++) {
            Mention reply = store.mentions.get("xiaohongshu:" + REPLIES.get(i));
            assertEquals(Kind.COMMENT, reply.kind());
            assertEquals(NOTE1, reply.rootId(), "its story follows the note");
            assertEquals(i == 3 ? REPLIES.get(2) : COMMENT1, reply.parentId(), "it answers the comment it targets");
            assertEquals(url, reply.url());
        }
        assertEquals("私信了两天没人回", store.mentions.get("xiaohongshu:" + REPLIES.get(3)).text());
    }

    @Test
    void aNewReplyIsTheOnlyOneTakenWhenTheCommentsCountGrows() throws Exception {
        PollHarness h = harness();
        h.drain(6);
        String fresh = "6659c106000000001d01d006";
        fake.route("GET", XhsClient.COMMENTS, r -> !NOTE1.equals(r.q("note_id")) ? Fixtures.response(P, "web_comment_empty.json")
                : r.q("cursor").isEmpty()
                ? FakeResponse.json(200, Fixtures.response(P, "web_comment_page1.json").text().replace("\"45\"", "\"46\""))
                : Fixtures.response(P, "web_comment_page2.json"));
        ObjectNode last = (ObjectNode) Fixtures.json(P, "web_comment_sub_page3.json");
        ArrayNode replies = (ArrayNode) last.path("data").path("comments");
        ObjectNode newer = ((ObjectNode) replies.get(0).deepCopy()).put("id", fresh).put("create_time", 1717159000000L);
        replies.add(newer);
        fake.route("GET", XhsClient.REPLIES, r -> COMMENT1.equals(r.q("root_comment_id")) && REPLIES.get(3).equals(r.q("cursor"))
                ? FakeResponse.json(200, last.toString()) : XhsFake.replies(r));

        var r = h.round();
        assertEquals(List.of("xiaohongshu:" + fresh), r.mentions().stream().map(Mention::key).toList(),
                "the earlier replies are read again but not taken again");
        assertEquals(List.of("", REPLIES.get(1), REPLIES.get(3), "", REPLIES.get(1), REPLIES.get(3)), replyCursors());
        assertEquals(List.of(), store.duplicates());
    }
}
