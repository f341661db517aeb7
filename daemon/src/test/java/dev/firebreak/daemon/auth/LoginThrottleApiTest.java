package dev.firebreak.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon of its own: the count is per address, and every test calls from 127.0.0.1. */
class LoginThrottleApiTest {
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

    private static HttpResponse<String> login(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tenFailedLoginsFromAnAddressGet429WithRetryAfterAndSuccessesAreNotCounted() throws Exception {
        String good = Http.adminToken(app);
        for (int i = 0; i < 15; i++) {
            assertEquals(200, login(good).statusCode(), "successful logins are not counted");
        }
        for (int i = 0; i < LoginThrottle.FAILURES; i++) {
            assertEquals(401, login("fbt_guess-" + i).statusCode(), "failure " + (i + 1));
        }
        for (String token : new String[] {"fbt_guess-next", good}) {
            HttpResponse<String> r = login(token);
            assertEquals(429, r.statusCode(), r.body());
            long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry > 250 && retry <= 300, "about five minutes: " + retry);
            assertEquals("too many failed logins from 127.0.0.1 (10 in 5 min): try again in " + retry + " s",
                    new JsonObject(r.body()).getString("error"));
        }
        assertEquals(200, Http.call(app, "GET", "/api/me", null).statusCode(), "a bearer token still works");
    }
}
