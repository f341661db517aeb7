package dev.firebreak.connectors.weibo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.FakeRequest;
import dev.firebreak.connectors.testing.FakeResponse;
import dev.firebreak.connectors.testing.Fixtures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weibo API v2 on the fake server: the items of the recorded pages, served newest first with real
 * {@code since_id}/{@code max_id}/{@code count} semantics and {@code next_cursor}, so paging, restarts
 * and new arrivals behave as they would live. A wrong token gets the recorded 21332 error.
 */
public final class FakeWeibo {
    public static final String TOKEN = "2.00weibo-secret-token";
    public static final String KOL_POST = "5039912345670001";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tokens that get the recorded 21327 expired_token error. */
    public final Set<String> expiredTokens = new java.util.HashSet<>();
    final Map<String, List<JsonNode>> timelines = new HashMap<>();
    final Map<String, List<JsonNode>> reposts = new HashMap<>();
    long kolReposts = 1873;

    public FakeWeibo() {
        timelines.put("/2/statuses/mentions.json", items("statuses", "statuses_mentions_page1.json", "statuses_mentions_page2.json"));
        timelines.put("/2/comments/mentions.json", items("comments", "comments_mentions_page1.json"));
        timelines.put("/2/comments/to_me.json", items("comments", "comments_to_me_page1.json"));
        reposts.put(KOL_POST, items("reposts", "statuses_repost_timeline_page1.json"));
    }

    public void install(FakePlatformServer fake) {
        for (Map.Entry<String, List<JsonNode>> t : timelines.entrySet()) {
            String key = t.getKey().contains("statuses") ? "statuses" : "comments";
            fake.route("GET", t.getKey(), r -> authed(r, () -> page(key, t.getValue(), r)));
        }
        fake.route("GET", "/2/statuses/repost_timeline.json", r -> authed(r,
                () -> page("reposts", reposts.getOrDefault(r.q("id"), List.of()), r)));
        fake.route("GET", "/2/statuses/count.json", r -> authed(r, () -> FakeResponse.json(200,
                "[{\"id\":" + r.q("ids") + ",\"idstr\":\"" + r.q("ids") + "\",\"reposts\":" + kolReposts
                        + ",\"comments\":311,\"attitudes\":5021}]")));
        fake.route("GET", "/2/account/rate_limit_status.json", r -> Fixtures.response("weibo", "error_rate_limit_status.json"));
    }

    /** Every mention key the recorded items make: each item, and the statuses they embed. */
    public Set<String> expectedKeys(boolean withReposts) {
        Set<String> keys = new LinkedHashSet<>();
        List<JsonNode> all = new ArrayList<>();
        timelines.values().forEach(all::addAll);
        if (withReposts) {
            reposts.values().forEach(all::addAll);
        }
        for (JsonNode item : all) {
            keys.add("weibo:" + item.path("idstr").asText());
            for (JsonNode embedded : List.of(item.path("retweeted_status"), item.path("status"),
                    item.path("status").path("retweeted_status"))) {
                if (embedded.hasNonNull("user")) {
                    keys.add("weibo:" + embedded.path("idstr").asText());
                }
            }
        }
        return keys;
    }

    /** The statuses that only come embedded in other items (the posts reposted or commented on). */
    Set<String> embeddedKeys() {
        Set<String> own = new LinkedHashSet<>();
        timelines.values().forEach(l -> l.forEach(i -> own.add("weibo:" + i.path("idstr").asText())));
        Set<String> embedded = new LinkedHashSet<>(expectedKeys(true));
        embedded.removeAll(own);
        reposts.values().forEach(l -> l.forEach(i -> embedded.remove("weibo:" + i.path("idstr").asText())));
        return embedded;
    }

    private FakeResponse authed(FakeRequest r, java.util.function.Supplier<FakeResponse> ok) {
        if (expiredTokens.contains(r.q("access_token"))) {
            return Fixtures.response("weibo", "error_expired_token_21327.json");
        }
        return TOKEN.equals(r.q("access_token")) ? ok.get() : Fixtures.response("weibo", "error_invalid_token_21332.json");
    }

    private static FakeResponse page(String key, List<JsonNode> items, FakeRequest r) {
        long since = r.q("since_id") == null ? 0 : Long.parseLong(r.q("since_id"));
        long max = r.q("max_id") == null ? Long.MAX_VALUE : Long.parseLong(r.q("max_id"));
        int count = r.q("count") == null ? 20 : Integer.parseInt(r.q("count"));
        List<JsonNode> match = items.stream().filter(i -> id(i) > since && id(i) <= max)
                .sorted(Comparator.comparingLong(FakeWeibo::id).reversed()).toList();
        List<JsonNode> page = match.subList(0, Math.min(count, match.size()));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray(key);
        page.forEach(list::add);
        body.put("hasvisible", false).put("previous_cursor", 0)
                .put("next_cursor", match.size() > page.size() ? id(page.get(page.size() - 1)) - 1 : 0)
                .put("total_number", items.size());
        return FakeResponse.json(200, body.toString());
    }

    private static long id(JsonNode n) {
        return Long.parseLong(n.path("idstr").asText());
    }

    private static List<JsonNode> items(String key, String... files) {
        List<JsonNode> out = new ArrayList<>();
        for (String f : files) {
            Fixtures.json("weibo", f).path(key).forEach(out::add);
        }
        return out;
    }
}
