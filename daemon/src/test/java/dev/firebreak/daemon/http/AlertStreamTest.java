package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The live feed: an alert raised by a pushed mention arrives on the SSE stream, and resumes by Last-Event-ID. */
@ExtendWith(VertxExtension.class)
class AlertStreamTest {
    @TempDir
    static Path data;
    static Firebreak app;

    @BeforeAll
    static void start() throws Exception {
        app = TestDaemon.pushOnly(data);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAlertReachesTheStreamAndAReconnectGetsWhatItMissed(Vertx vertx, VertxTestContext test) throws Exception {
        var client = vertx.createHttpClient(new HttpClientOptions().setDefaultPort(app.httpPort()).setDefaultHost("127.0.0.1"));
        StringBuilder seen = new StringBuilder();
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/api/alerts/stream")
                .putHeader("Authorization", "Bearer " + dev.firebreak.daemon.testing.Http.adminToken(app)))
                .compose(req -> req.send())
                .onComplete(test.succeeding(res -> {
                    test.verify(() -> assertEquals("text/event-stream; charset=utf-8", res.getHeader("Content-Type")));
                    res.handler(chunk -> {
                        seen.append(chunk.toString());
                        if (seen.toString().contains("event: alert")) {
                            test.verify(() -> {
                                String data = seen.substring(seen.indexOf("data: ") + 6, seen.indexOf("\n", seen.indexOf("data: ")));
                                JsonObject alert = new JsonObject(data);
                                assertEquals("safety-complaint", alert.getString("ruleId"), "冒烟 is a safety complaint: the built-in pack's P1");
                                assertEquals(List.of("weibo:7001"), alert.getJsonArray("mentions").getList());
                                assertTrue(seen.toString().contains("id: "));
                            });
                            resumeFrom(client, 0, test);
                        }
                    });
                    // The stream is open: now push a negative mention from a big account.
                    vertx.setTimer(300, t -> PushIngestTestSupport.push(app,
                            PushIngestTest.mention("7001", "暖途T7空气炸锅冒烟了，客服踢皮球，太坑了，准备去12315投诉", 2_150_000)));
                }));
        assertTrue(test.awaitCompletion(20, TimeUnit.SECONDS));
        if (test.failed()) {
            throw new AssertionError(test.causeOfFailure());
        }
    }

    /** A client that saw nothing (Last-Event-ID: 0) first gets the backlog from Redis. */
    private static void resumeFrom(io.vertx.core.http.HttpClient client, long lastId, VertxTestContext test) {
        StringBuilder seen = new StringBuilder();
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/api/alerts/stream")
                .putHeader("Authorization", "Bearer " + dev.firebreak.daemon.testing.Http.adminToken(app))
                        .addHeader("Last-Event-ID", Long.toString(lastId)))
                .compose(req -> req.send())
                .onComplete(test.succeeding(res -> res.handler(chunk -> {
                    seen.append(chunk.toString());
                    if (seen.toString().contains("weibo:7001")) {
                        test.completeNow();
                    }
                })));
    }
}
