package dev.firebreak.connectors.xiaohongshu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.FakeRequest;
import dev.firebreak.connectors.testing.FakeResponse;
import dev.firebreak.connectors.testing.Fixtures;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The fake Xiaohongshu source for tests, answering from the fixtures: search pages by {@code page},
 * note details by {@code source_note_id} (the detail fixture, re-labelled for the notes it does not
 * cover from their search cards), comment pages by {@code note_id} and {@code cursor}, reply pages by
 * {@code root_comment_id} and {@code cursor}.
 */
final class XhsFake {
    static final String P = "xiaohongshu";
    static final String NOTE1 = "6659a1f2000000001e00abc1";
    static final String NOTE2 = "6659a0aa000000001e00abc2";
    static final String NOTE3 = "66599f10000000001e00abc3";
    static final String PAGE2_CURSOR = "6659b002000000001d01c002";
    /** The comment on note 1 whose 5 replies come on 3 reply pages ({@code web_comment_sub_page1..3}). */
    static final String COMMENT1 = "6659b001000000001d01c001";
    static final List<String> REPLIES = List.of("6659c101000000001d01d001", "6659c102000000001d01d002",
            "6659c103000000001d01d003", "6659c104000000001d01d004", "6659c105000000001d01d005");
    static final Set<String> KEYS = Set.of("xiaohongshu:" + NOTE1, "xiaohongshu:" + NOTE2, "xiaohongshu:" + NOTE3,
            "xiaohongshu:" + COMMENT1, "xiaohongshu:6659b002000000001d01c002",
            "xiaohongshu:6659b003000000001d01c003", "xiaohongshu:" + REPLIES.get(0), "xiaohongshu:" + REPLIES.get(1),
            "xiaohongshu:" + REPLIES.get(2), "xiaohongshu:" + REPLIES.get(3), "xiaohongshu:" + REPLIES.get(4));
    private static final ObjectMapper JSON = new ObjectMapper();

    private XhsFake() { }

    static void serve(FakePlatformServer fake) {
        fake.route("POST", XhsClient.SEARCH, r -> switch (body(r).path("page").asInt()) {
            case 1 -> Fixtures.response(P, "web_search_notes_page1.json");
            case 2 -> Fixtures.response(P, "web_search_notes_page2.json");
            default -> Fixtures.response(P, "web_search_notes_empty.json");
        });
        fake.route("POST", XhsClient.FEED, r -> detail(body(r).path("source_note_id").asText()));
        fake.route("GET", XhsClient.COMMENTS, r -> {
            if (!NOTE1.equals(r.q("note_id"))) {
                return Fixtures.response(P, "web_comment_empty.json");
            }
            return switch (r.q("cursor")) {
                case "" -> Fixtures.response(P, "web_comment_page1.json");
                case PAGE2_CURSOR -> Fixtures.response(P, "web_comment_page2.json");
                default -> Fixtures.response(P, "web_comment_empty.json");
            };
        });
        fake.route("GET", XhsClient.REPLIES, XhsFake::replies);
    }

    /** The reply pages: three for {@link #COMMENT1} of note 1, none for any other comment. */
    static FakeResponse replies(FakeRequest r) {
        if (!NOTE1.equals(r.q("note_id")) || !COMMENT1.equals(r.q("root_comment_id"))) {
            return Fixtures.response(P, "web_comment_sub_empty.json");
        }
        String cursor = r.q("cursor");
        if (cursor.isEmpty()) {
            return Fixtures.response(P, "web_comment_sub_page1.json");
        }
        if (cursor.equals(REPLIES.get(1))) {
            return Fixtures.response(P, "web_comment_sub_page2.json");
        }
        return Fixtures.response(P, cursor.equals(REPLIES.get(3)) ? "web_comment_sub_page3.json" : "web_comment_sub_empty.json");
    }

    static JsonNode body(FakeRequest r) {
        try {
            return JSON.readTree(r.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detail of a note: the fixture for note 1; for the others, the fixture with their search card's fields. */
    static FakeResponse detail(String noteId) {
        if (NOTE1.equals(noteId)) {
            return Fixtures.response(P, "web_feed_note_detail.json");
        }
        JsonNode card = searchItem(noteId);
        if (card == null) {
            return Fixtures.response(P, "error_note_not_found_-510000.json");
        }
        ObjectNode detail = (ObjectNode) Fixtures.json(P, "web_feed_note_detail.json");
        ObjectNode note = (ObjectNode) detail.path("data").path("items").path(0).path("note_card");
        note.put("note_id", noteId).put("title", card.path("note_card").path("display_title").asText())
                .put("desc", "").put("xsec_token", card.path("xsec_token").asText())
                .put("time", NOTE2.equals(noteId) ? 1717150000000L : 1717140000000L);
        note.set("user", card.path("note_card").path("user"));
        note.set("interact_info", card.path("note_card").path("interact_info"));
        ((ObjectNode) detail.path("data").path("items").path(0)).put("id", noteId);
        return FakeResponse.json(200, detail.toString());
    }

    private static JsonNode searchItem(String noteId) {
        for (String page : new String[] {"web_search_notes_page1.json", "web_search_notes_page2.json"}) {
            for (JsonNode item : Fixtures.json(P, page).path("data").path("items")) {
                if (item.path("id").asText().equals(noteId)) {
                    return item;
                }
            }
        }
        return null;
    }
}
