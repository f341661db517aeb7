package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.FakeRequest;
import dev.firebreak.connectors.testing.FakeResponse;
import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.core.FirebreakJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Douyin routes on the fake platform, answering from the fixtures and honouring cursor / has_more. */
final class DouyinFake {
    static final String VIDEO_1 = id("video_list_page1.json", 0, "item_id");
    static final String VIDEO_2 = id("video_list_page1.json", 1, "item_id");
    static final String VIDEO_3 = id("video_list_page2.json", 0, "item_id");
    static final String COMMENT_1 = id("item_comment_list_page1.json", 0, "comment_id");
    static final String OPEN_ID = "e3af6e1d-d83a-4116-8f9f-5cb8ac2413c7";
    static final String TOKEN = "act.fake-token-0001";

    /** The token the fake accepts; any other gets 2190008 (expired). */
    volatile String validToken = TOKEN;
    /** Per-item answers that replace the fixture of the comment or reply list (item-level errors). */
    final Map<String, FakeResponse> commentListOverride = new ConcurrentHashMap<>();
    final Map<String, FakeResponse> replyListOverride = new ConcurrentHashMap<>();
    /** Statistics the video_data route reports, by item_id: digg, comment, share. */
    final Map<String, long[]> stats = new ConcurrentHashMap<>();

    static String id(String fixture, int index, String field) {
        return Fixtures.json("douyin", fixture).path("data").path("list").get(index).path(field).asText();
    }

    static List<String> ids(String fixture, String field) {
        List<String> out = new ArrayList<>();
        Fixtures.json("douyin", fixture).path("data").path("list").forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    static FakeResponse fixture(String name) {
        return Fixtures.response("douyin", name);
    }

    static FakeResponse error(long code, String description) {
        return FakeResponse.json(200, "{\"data\":{\"error_code\":" + code + ",\"description\":\"" + description + "\"},"
                + "\"extra\":{\"error_code\":" + code + ",\"description\":\"" + description + "\",\"sub_error_code\":0,"
                + "\"sub_description\":\"\",\"logid\":\"x\",\"now\":1717158000000}}");
    }

    void install(FakePlatformServer fake) {
        fake.route("GET", VideoFeedTask.PATH, r -> authorised(r, () -> switch (r.q("cursor")) {
            case "0" -> fixture("video_list_page1.json");
            case "1716632400000" -> fixture("video_list_page2.json");
            default -> fixture("video_list_empty.json");
        }));
        fake.route("GET", CommentRound.COMMENTS, r -> authorised(r, () -> {
            FakeResponse override = commentListOverride.get(r.q("item_id"));
            if (override != null) {
                return override;
            }
            if (!VIDEO_1.equals(r.q("item_id"))) {
                return fixture("item_comment_list_empty.json");
            }
            return switch (r.q("cursor")) {
                case "0" -> fixture("item_comment_list_page1.json");
                case "5" -> fixture("item_comment_list_page2.json");
                default -> fixture("item_comment_list_empty.json");
            };
        }));
        fake.route("GET", CommentRound.REPLIES, r -> authorised(r, () -> {
            FakeResponse override = replyListOverride.get(r.q("comment_id"));
            if (override != null) {
                return override;
            }
            boolean first = VIDEO_1.equals(r.q("item_id")) && COMMENT_1.equals(r.q("comment_id")) && "0".equals(r.q("cursor"));
            return fixture(first ? "item_comment_reply_list_page1.json" : "item_comment_list_empty.json");
        }));
        fake.route("POST", StatsFeedTask.PATH, r -> authorised(r, () -> stats.isEmpty() ? fixture("video_data.json")
                : videoData(r)));
    }

    private FakeResponse videoData(FakeRequest r) {
        StringBuilder list = new StringBuilder();
        JsonNode ids;
        try {
            ids = FirebreakJson.mapper().readTree(r.body()).path("item_ids");
        } catch (java.io.IOException e) {
            return FakeResponse.json(400, "{\"error\":\"body is not JSON\"}");
        }
        for (JsonNode id : ids) {
            long[] s = stats.get(id.asText());
            if (s == null) {
                continue;
            }
            list.append(list.length() == 0 ? "" : ",").append("{\"item_id\":\"").append(id.asText())
                    .append("\",\"statistics\":{\"digg_count\":").append(s[0]).append(",\"comment_count\":").append(s[1])
                    .append(",\"share_count\":").append(s[2]).append(",\"forward_count\":0,\"play_count\":0}}");
        }
        return FakeResponse.json(200, "{\"data\":{\"list\":[" + list + "],\"error_code\":0,\"description\":\"\"},"
                + "\"extra\":{\"error_code\":0,\"now\":1717158000000}}");
    }

    private FakeResponse authorised(FakeRequest r, java.util.function.Supplier<FakeResponse> answer) {
        if (!validToken.equals(r.header("access-token"))) {
            return fixture("error_expired_token_2190008.json");
        }
        return answer.get();
    }
}
