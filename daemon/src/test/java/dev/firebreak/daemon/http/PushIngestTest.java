package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push ingest over real HTTP, on a real daemon: Redis, Lucene on disk, Vert.x. */
class PushIngestTest {
    @TempDir
    static Path data;
    static Firebreak app;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String mention(String id, String text, long followers) {
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"kind\":\"post\",\"text\":\"" + text + "\","
                + "\"createdAt\":\"2026-11-20T10:15:00+08:00\","
                + "\"author\":{\"id\":\"42\",\"name\":\"维权的小王\",\"followers\":" + followers + ",\"verified\":false}}";
    }

    @BeforeAll
    static void start() throws Exception {
        app = TestDaemon.pushOnly(data);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return postTo(app, body);
    }

    static HttpResponse<String> postTo(Firebreak daemon, String body) throws Exception {
        return HTTP.send(dev.firebreak.daemon.testing.Http.request(daemon, "/api/ingest")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(dev.firebreak.daemon.testing.Http.request(app, path).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFullPipelineRefusesAPushWith429AndRetryAfterAndStoresNothingOfIt() throws Exception {
        // Hold the worker, and queue the runner full behind it.
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        app.pipeline().onWorker(() -> hold.await(30, java.util.concurrent.TimeUnit.SECONDS));
        java.util.List<io.vertx.core.Future<?>> queued = new java.util.ArrayList<>();
        for (int i = 0; i < dev.firebreak.daemon.pipeline.PipelineRunner.FULL; i++) {
            queued.add(app.pipeline().submit(java.util.List.of()));
        }
        try {
            HttpResponse<String> refused = post(mention("5301", "暖途T7又冒烟了", 100));
            assertEquals(429, refused.statusCode(), refused.body());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            assertTrue(new JsonObject(refused.body()).getString("error").startsWith("the pipeline is full ("), refused.body());
            assertEquals(0, new JsonObject(refused.body()).getInteger("stored"));
        } finally {
            hold.countDown();
        }
        for (var f : queued) f.toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, app.index().countId("weibo:5301"), "nothing of the refused push was stored");
        HttpResponse<String> later = post(mention("5301", "暖途T7又冒烟了", 100));
        assertEquals(200, later.statusCode(), later.body());
        assertEquals(1, app.index().countId("weibo:5301"));
    }

    @Test
    void aMentionPushedTwiceIsIndexedOnce() throws Exception {
        String body = mention("5001", "暖途的客服态度太差了，退款拖了一个月", 200);
        HttpResponse<String> first = post(body);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(1, new JsonObject(first.body()).getInteger("indexed"));
        HttpResponse<String> second = post("[" + body + "," + body + "]");
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(0, new JsonObject(second.body()).getInteger("indexed"));
        assertEquals(1, app.index().countId("weibo:5001"));
    }

    @Test
    void badBodiesGetA4xxThatSaysWhatIsWrongAndStoreNothing() throws Exception {
        long before = app.index().count();
        long alertsBefore = app.state().lastSeq().toCompletableFuture().get();
        assertError(post("{not json"), 400, "not valid JSON at column 2: Unexpected character ('n' (code 110)):"
                + " was expecting double-quote to start field name");
        assertError(post("{\"platform\":\"weibo\",\"id\":\"9\",\"kind\":\"post\",\"createdAt\":\"2026-11-20T10:15:00+08:00\","
                + "\"author\":{\"id\":\"1\"}}"), 400, "missing required field \"text\"");
        // A good mention beside a bad one: the whole body is refused, the good one is not stored either.
        assertError(post("[" + mention("5002", "暖途T7冒烟了，太坑了", 900_000) + ",{\"platform\":\"weibo2\"}]"), 400,
                "mention[1]: missing required field \"id\"");
        assertError(post(""), 400, "empty body: expected one Mention JSON object or an array of them");
        String huge = "[" + (mention("5003", "x".repeat(1000), 1) + ",").repeat(1100) + mention("5004", "y", 1) + "]";
        assertError(post(huge), 413, "body is " + huge.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + " bytes; the limit is 1048576");
        assertEquals(before, app.index().count());
        assertEquals(0, app.index().countId("weibo:5002"));
        assertEquals(alertsBefore, app.state().lastSeq().toCompletableFuture().get());
    }

    @Test
    void healthReadyAndSearchAnswer() throws Exception {
        assertEquals(200, get("/health").statusCode());
        HttpResponse<String> ready = get("/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("ok", new JsonObject(ready.body()).getJsonObject("checks").getString("redis"));
        post(mention("5005", "暖途加湿器漏水，售后不理人", 50));
        HttpResponse<String> hits = get("/api/mentions?q=" + java.net.URLEncoder.encode("加湿器", "UTF-8"));
        assertEquals(200, hits.statusCode(), hits.body());
        assertTrue(hits.body().contains("weibo:5005") || hits.body().contains("\"id\":\"5005\""), hits.body());
        assertTrue(Files.exists(data.resolve("index")));
    }

    static void assertError(HttpResponse<String> res, int status, String message) {
        assertEquals(status, res.statusCode(), res.body());
        assertEquals(message, new JsonObject(res.body()).getString("error"));
    }
}
