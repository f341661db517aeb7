package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stories over real HTTP on a real daemon: copies join, the API shows signals and forecast, a restart keeps it. */
class StoriesApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ORIGINAL = "暖途T7空气炸锅用了三天就冒烟了，差点把厨房点着，联系客服一直说在处理，"
            + "一个星期了没人管，退款也不给退，再不处理就去12315投诉";
    static final String COPY = "求扩散！暖途T7空气炸锅用了3天就冒烟了，差点把厨房点着，客服一直说在处理，一个星期没人管，退款不给退[怒]";
    static final String OTHER = "暖途T7空气炸锅的内胆涂层才两个月就掉了一大片，问客服说是人为损坏不给保修，这质量真的无语";

    @TempDir
    Path data;

    private static String mention(String id, String text, String root, int minute, long followers) {
        String links = root == null ? "" : ",\"parentId\":\"" + root + "\",\"rootId\":\"" + root + "\"";
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"kind\":\"" + (root == null ? "post" : "repost")
                + "\",\"text\":\"" + text + "\",\"createdAt\":\"2026-11-20T10:" + String.format("%02d", minute)
                + ":00+08:00\",\"author\":{\"id\":\"a" + id + "\",\"name\":\"用户" + id + "\",\"followers\":" + followers
                + ",\"verified\":false}" + links + "}";
    }

    private static HttpResponse<String> get(Firebreak app, String path) throws Exception {
        return HTTP.send(dev.firebreak.daemon.testing.Http.request(app, path).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void copiesJoinTheStoryWhichTheApiShowsAndARestartKeeps() throws Exception {
        String namespace = "test:" + java.util.UUID.randomUUID() + ":";
        try (Firebreak app = TestDaemon.pushOnly(data, AnalysisConfig.FIRST_SCORES_ONLY, namespace)) {
            String batch = "[" + mention("1", ORIGINAL, null, 0, 3_000) + "," + mention("2", "转发微博", "1", 1, 120_000) + ","
                    + mention("3", COPY, null, 5, 800) + "," + mention("4", "支持维权", "3", 6, 90) + ","
                    + mention("5", OTHER, null, 7, 500) + "]";
            assertEquals(200, PushIngestTest.postTo(app, batch).statusCode());

            JsonObject story = new JsonObject(get(app, "/api/stories/weibo:1").body());
            assertEquals(4, story.getLong("size"), story.encode());
            assertEquals("weibo:1", story.getJsonObject("title").getString("mentionKey"));
            JsonObject signals = story.getJsonObject("signals");
            assertEquals(3_000 + 120_000 + 800 + 90, signals.getLong("reach"));
            assertEquals("用户2", signals.getJsonArray("kols").getJsonObject(0).getString("name"));
            assertEquals(1, signals.getJsonObject("escalations").getLong("threats"));
            JsonObject forecast = story.getJsonObject("forecast");
            assertTrue(forecast.getDouble("predictedFinal") >= 4 && forecast.getDouble("low") <= forecast.getDouble("high"));
            assertEquals(1, story.getJsonArray("series").size());

            JsonArray top = new JsonObject(get(app, "/api/stories?sort=risk").body()).getJsonArray("stories");
            assertEquals("weibo:1", top.getJsonObject(0).getString("id"));
            assertEquals("weibo:5", top.getJsonObject(1).getString("id"), "a different complaint stays its own story");
            assertEquals(404, get(app, "/api/stories/weibo:404").statusCode());
            assertEquals(400, get(app, "/api/stories?sort=newest").statusCode());
        }
        try (Firebreak app = TestDaemon.pushOnly(data, AnalysisConfig.FIRST_SCORES_ONLY, namespace)) {
            String later = "[" + mention("6", "扩散", "3", 30, 50) + ","
                    + mention("7", "姐妹们避雷！暖途T7空气炸锅用了三天就冒烟，差点把厨房点了，找售后一直说在处理，一星期没人管，退钱也不给退", null, 31, 60) + "]";
            assertEquals(200, PushIngestTest.postTo(app, later).statusCode());
            JsonObject story = new JsonObject(get(app, "/api/stories/weibo:1").body());
            assertEquals(6, story.getLong("size"), "the copy's repost followed its link and a new copy joined: " + story.encode());
        }
    }
}
