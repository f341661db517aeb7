package dev.firebreak.connectors.xiaohongshu;

import static dev.firebreak.connectors.xiaohongshu.XhsFake.P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.FakeResponse;
import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.connectors.testing.PollHarness;
import dev.firebreak.core.FirebreakJson;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search scan walks pages until it reaches a note it already has, however deep that is, up to the
 * {@code scanPages} cap; on a source of made-up notes, newest first, 20 a page.
 */
class XiaohongshuScanTest {
    private final PollHarness.Store store = new PollHarness.Store();
    /** The notes the source holds, newest first. */
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private FakePlatformServer fake;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        fake = FakePlatformServer.start(vertx);
        fake.route("POST", XhsClient.SEARCH, r -> searchPage(XhsFake.body(r).path("page").asInt()));
        fake.route("POST", XhsClient.FEED, r -> detail(XhsFake.body(r).path("source_note_id").asText()));
        fake.route("GET", XhsClient.COMMENTS, r -> Fixtures.response(P, "web_comment_empty.json"));
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String noteId(int n) {
        return String.format("66%022x", n);
    }

    /** {@code count} new notes on top of the ones the source has. */
    private void publish(int from, int count) {
        List<String> fresh = new ArrayList<>();
        IntStream.range(from, from + count).forEach(n -> fresh.add(0, noteId(n)));
        notes.addAll(0, fresh);
    }

    private FakeResponse searchPage(int page) {
        ObjectNode template = (ObjectNode) Fixtures.json(P, "web_search_notes_page1.json").path("data").path("items").get(0);
        ArrayNode items = FirebreakJson.mapper().createArrayNode();
        int first = (page - 1) * XhsClient.PAGE_SIZE;
        for (int i = first; i < Math.min(notes.size(), first + XhsClient.PAGE_SIZE); i++) {
            items.add(template.deepCopy().put("id", notes.get(i)).put("xsec_token", "xs" + i));
        }
        ObjectNode body = FirebreakJson.mapper().createObjectNode().put("code", 0).put("success", true).put("msg", "成功");
        body.putObject("data").put("has_more", first + XhsClient.PAGE_SIZE < notes.size()).set("items", items);
        return FakeResponse.json(200, body.toString());
    }

    private static FakeResponse detail(String id) {
        return FakeResponse.json(200, Fixtures.response(P, "web_feed_note_detail.json").text()
                .replace(XhsFake.NOTE1, id));
    }

    private PollHarness harness(Map<String, Object> overrides) throws Exception {
        Map<String, Object> cfg = new HashMap<>(Map.of("baseUrl", fake.baseUrl(), "accessToken", "xhs-token-1",
                "keywords", List.of("暖途"), "timeout", "5s", "maxPages", 5, "callsPerHour", 100_000));
        cfg.putAll(overrides);
        var c = ConnectorTypes.create(new ConnectorConfig("acct", XiaohongshuConnector.TYPE, cfg));
        return new PollHarness(c.task(c.feeds().get(0), TaskContext.of(vertx)), c.feeds().get(0).key(), store);
    }

    private List<Integer> searchedPages() {
        return fake.requests(XhsClient.SEARCH).stream().map(r -> XhsFake.body(r).path("page").asInt()).toList();
    }

    @Test
    void aScanThatNeedsFourteenPagesReadsFourteenAndStopsAtTheFirstKnownNote() throws Exception {
        publish(0, 5);
        PollHarness h = harness(Map.of());
        h.round();
        assertEquals(5, store.indexed.size());
        int before = fake.requests(XhsClient.SEARCH).size();

        publish(5, 270); // 13 full pages of new notes, then page 14: 10 new and the 5 already taken
        for (int i = 0; i < 4; i++) h.round(); // 5 pages a poll (maxPages): the scan goes on over 3 polls
        List<Integer> scan = searchedPages().subList(before, before + 14);
        assertEquals(IntStream.rangeClosed(1, 14).boxed().toList(), scan);
        assertEquals(1, searchedPages().get(before + 14), "the next scan starts at page 1 again, not page 15");
        assertEquals(275, store.indexed.size(), "every new note taken");
        assertEquals(List.of(), store.duplicates());
        assertEquals(275, fake.requests(XhsClient.FEED).size(), "each note's detail fetched once");
    }

    @Test
    void theScanCapIsHonoured() throws Exception {
        publish(0, 5);
        PollHarness h = harness(Map.of("scanPages", 3, "maxPages", 10));
        h.round();
        int before = fake.requests(XhsClient.SEARCH).size();
        publish(5, 270);
        h.round();
        h.round();
        assertEquals(List.of(1, 2, 3, 1), searchedPages().subList(before, before + 4),
                "3 pages, then the next scan starts over");
        assertEquals(5 + 60, store.indexed.size(), "the notes past the cap are not reached");
    }

    @Test
    void scanPagesIsValidated() {
        Map<String, Object> cfg = new HashMap<>(Map.of("baseUrl", "http://127.0.0.1:1", "accessToken", "t",
                "keywords", "暖途"));
        cfg.put("scanPages", 0);
        ConfigException zero = assertThrows(ConfigException.class,
                () -> ConnectorTypes.create(new ConnectorConfig("acct", XiaohongshuConnector.TYPE, cfg)));
        assertEquals("Invalid value 0 for configuration scanPages: must be a positive whole number", zero.getMessage());
        cfg.put("scanPages", 51);
        ConfigException big = assertThrows(ConfigException.class,
                () -> ConnectorTypes.create(new ConnectorConfig("acct", XiaohongshuConnector.TYPE, cfg)));
        assertEquals("Invalid value 51 for configuration scanPages: must be at most 50 (the search pages one scan may"
                + " read, 20 notes each)", big.getMessage());
        cfg.put("scanPages", "many");
        ConfigException word = assertThrows(ConfigException.class,
                () -> ConnectorTypes.create(new ConnectorConfig("acct", XiaohongshuConnector.TYPE, cfg)));
        assertEquals("Invalid value many for configuration scanPages: must be a positive whole number", word.getMessage());
    }
}
