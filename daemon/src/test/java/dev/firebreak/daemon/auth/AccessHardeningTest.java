package dev.firebreak.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import dev.firebreak.daemon.web.Role;
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

/** Sessions end with their token; cookie writes from elsewhere and bodies that are not JSON are refused. */
class AccessHardeningTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @TempDir
    static Path data;
    static Firebreak app;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        app = TestDaemon.pushOnly(data);
        base = URI.create("http://127.0.0.1:" + app.httpPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String login(String token) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(base.resolve("/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder withCookie(String cookie, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie);
    }

    private static String error(HttpResponse<String> r) {
        return new JsonObject(r.body()).getString("error");
    }

    private static boolean userExists(String name) throws Exception {
        return Http.call(app, "GET", "/api/users", null).body().contains("\"name\":\"" + name + "\"");
    }

    @Test
    void aSessionStopsWorkingTheMomentItsTokenIsReplacedOrItsUserRemoved() throws Exception {
        String token = TestDaemon.tokenFor(app, Role.AGENT, "session-li");
        String cookie = login(token);
        String other = login(TestDaemon.tokenFor(app, Role.AGENT, "session-wang"));
        assertEquals(200, send(withCookie(cookie, "/api/me")).statusCode());

        assertEquals(200, Http.call(app, "POST", "/api/users/session-li/token", null).statusCode());
        HttpResponse<String> after = send(withCookie(cookie, "/api/me"));
        assertEquals(401, after.statusCode(), after.body());
        assertEquals("session expired, closed, or ended by a new token for its user: log in again: send"
                + " \"Authorization: Bearer <token>\" or log in with POST /api/login", error(after));
        assertEquals(200, send(withCookie(other, "/api/me")).statusCode(), "another user's session is untouched");

        assertEquals(204, Http.call(app, "DELETE", "/api/users/session-wang", null).statusCode());
        assertEquals(401, send(withCookie(other, "/api/me")).statusCode(), "a removed user's session ends");
        TestDaemon.tokenFor(app, Role.ADMIN, "session-wang");
        assertEquals(401, send(withCookie(other, "/api/me")).statusCode(), "and a new user of that name does not inherit it");
    }

    @Test
    void aCookieWriteFromAnotherOriginIsRefusedAndCreatesNothing() throws Exception {
        String cookie = login(Http.adminToken(app));
        HttpResponse<String> forged = send(withCookie(cookie, "/api/users").header("Origin", "https://evil.example")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"intruder\",\"role\":\"admin\"}")));
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals("origin refused: Origin https://evil.example:443 is not this console's (127.0.0.1:" + app.httpPort()
                + "); a write with the session cookie must come from the console's own pages", error(forged));
        assertFalse(userExists("intruder"));

        HttpResponse<String> viaReferer = send(withCookie(cookie, "/api/users")
                .header("Referer", "http://127.0.0.1:1/page").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"intruder\",\"role\":\"admin\"}")));
        assertEquals(403, viaReferer.statusCode(), "another port is another origin");
        assertTrue(error(viaReferer).startsWith("origin refused: Referer http://127.0.0.1:1 "), error(viaReferer));
        HttpResponse<String> nowhere = send(withCookie(cookie, "/api/users/admin").DELETE());
        assertEquals(403, nowhere.statusCode());
        assertTrue(error(nowhere).contains("(no Origin or Referer header)"), error(nowhere));
        assertFalse(userExists("intruder"));
        assertTrue(Http.call(app, "GET", "/api/audit?kind=denied&limit=20", null).body().contains("origin refused: Origin"),
                "kept in the audit trail");

        // From the console's own origin the cookie works; reads never need an Origin; a token is not a cookie.
        HttpResponse<String> own = send(withCookie(cookie, "/api/users").header("Origin", base.toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"console-made\",\"role\":\"agent\"}")));
        assertEquals(201, own.statusCode(), own.body());
        HttpResponse<String> ownReferer = send(withCookie(cookie, "/api/users/console-made/token")
                .header("Referer", base.resolve("/#/status").toString()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, ownReferer.statusCode(), ownReferer.body());
        assertEquals(200, send(withCookie(cookie, "/api/users").header("Origin", "https://evil.example")).statusCode());
        HttpResponse<String> bearer = send(Http.request(app, "/api/users").header("Origin", "https://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"script-made\",\"role\":\"agent\"}")));
        assertEquals(201, bearer.statusCode(), "bearer requests are not checked: " + bearer.body());
    }

    @Test
    void aJsonRouteRefusesAnyOtherContentTypeBeforeReadingIt() throws Exception {
        String[][] refused = {
                {"text/plain", "Content-Type: expected application/json, got \"text/plain\": this route takes a JSON body"},
                {"application/x-www-form-urlencoded",
                        "Content-Type: expected application/json, got \"application/x-www-form-urlencoded\": this route takes a JSON body"},
                {"multipart/form-data; boundary=x",
                        "Content-Type: expected application/json, got \"multipart/form-data\": this route takes a JSON body"},
                {"application/json; charset=iso-8859-1", "Content-Type: charset \"iso-8859-1\" is not read here: JSON bodies"
                        + " are UTF-8 (send charset=utf-8 or no charset)"},
        };
        for (String[] c : refused) {
            HttpResponse<String> r = send(Http.request(app, "/api/users").header("Content-Type", c[0])
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"typed\",\"role\":\"agent\"}")));
            assertEquals(415, r.statusCode(), c[0] + ": " + r.body());
            assertEquals(c[1], error(r), c[0]);
        }
        HttpResponse<String> untyped = send(Http.request(app, "/api/silences")
                .POST(HttpRequest.BodyPublishers.ofString("{\"match\":\"x\"}")));
        assertEquals(415, untyped.statusCode());
        assertEquals("Content-Type: missing; this route takes a JSON body: send Content-Type: application/json", error(untyped));
        HttpResponse<String> rules = send(Http.request(app, "/api/rules/files/x.yaml").header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString("rules: []\n")));
        assertEquals(415, rules.statusCode(), "the rule file travels inside JSON: " + rules.body());
        assertFalse(userExists("typed"));

        HttpResponse<String> utf8 = send(Http.request(app, "/api/users").header("Content-Type", "Application/JSON; Charset=\"UTF-8\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"typed\",\"role\":\"agent\"}")));
        assertEquals(201, utf8.statusCode(), utf8.body());
        HttpResponse<String> noBody = send(Http.request(app, "/api/logout").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, noBody.statusCode(), "a body-less POST needs no type");
        HttpResponse<String> webhook = send(HttpRequest.newBuilder(base.resolve("/api/connectors/none/webhook"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("ping")));
        assertNotEquals(415, webhook.statusCode(), "a platform's webhook keeps the type its platform sends: " + webhook.body());
    }
}
