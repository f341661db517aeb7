package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.Role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, roles and the audit trail over the real daemon's HTTP API. */
class AuthApiTest {
    @TempDir
    static Path data;
    static Firebreak app;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        app = TestDaemon.pushOnly(data);
        admin = Http.adminToken(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonObject json(HttpResponse<String> r) {
        return new JsonObject(r.body());
    }

    private static List<JsonObject> audit(String kind) throws Exception {
        HttpResponse<String> r = Http.call(app, "GET", "/api/audit?kind=" + kind + "&limit=50", null);
        assertEquals(200, r.statusCode(), r.body());
        return json(r).getJsonArray("entries").stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void aRequestWithoutATokenIs401AndLoggedWithoutAnyToken() throws Exception {
        Logs logs = Logs.capture();
        HttpResponse<String> r;
        HttpResponse<String> bad;
        try {
            r = Http.callAs(app, null, "GET", "/api/alerts", null);
            bad = Http.callAs(app, "fbt_not-a-real-token-at-all", "GET", "/api/alerts", null);
        } finally {
            logs.close();
        }
        assertEquals(401, r.statusCode());
        assertEquals("no token: send \"Authorization: Bearer <token>\" or log in with POST /api/login",
                json(r).getString("error"));
        assertEquals(401, bad.statusCode());
        assertEquals("unknown or revoked token: send \"Authorization: Bearer <token>\" or log in with POST /api/login",
                json(bad).getString("error"));
        assertTrue(logs.warned("dev.firebreak.daemon.auth.AuthHandler - 401 GET /api/alerts from 127.0.0.1: no token"),
                logs.text());
        assertTrue(logs.text().contains("401 GET /api/alerts from 127.0.0.1: unknown or revoked token"), logs.text());
        assertFalse(logs.text().contains("fbt_not-a-real"), "a token never reaches the log");

        List<JsonObject> denied = audit("denied");
        assertTrue(denied.stream().anyMatch(e -> e.getString("line").equals("401 GET /api/alerts from 127.0.0.1: no token")
                && e.getInteger("status") == 401 && e.getString("path").equals("/api/alerts")), denied.toString());
        assertFalse(denied.toString().contains("fbt_"), "nor the audit trail");
        assertEquals(401, Http.callAs(app, null, "GET", "/api/users", null).statusCode());
        assertEquals(401, Http.callAs(app, "Basic abc", "GET", "/api/me", null).statusCode());
    }

    @Test
    void anAgentEditingRulesGets403NamingTheRoleAndItIsLogged() throws Exception {
        String li = TestDaemon.tokenFor(app, Role.AGENT, "li");
        Logs logs = Logs.capture();
        HttpResponse<String> r;
        try {
            r = Http.callAs(app, li, "PUT", "/api/rules/files/x.yaml", "{\"text\":\"rules: []\\n\"}");
        } finally {
            logs.close();
        }
        assertEquals(403, r.statusCode());
        assertEquals("agent \"li\" may not PUT /api/rules/files/x.yaml: needs admin", json(r).getString("error"));
        assertTrue(logs.warned("dev.firebreak.daemon.auth.AuthHandler - 403 agent \"li\" PUT /api/rules/files/x.yaml: needs admin"),
                logs.text());
        JsonObject entry = audit("denied").get(0);
        assertEquals("403 agent \"li\" PUT /api/rules/files/x.yaml: needs admin", entry.getString("line"));
        assertEquals("li", entry.getString("user"));
        assertEquals("agent", entry.getString("role"));

        // What an agent may do, it can.
        assertEquals(200, Http.callAs(app, li, "GET", "/api/rules", null).statusCode());
        assertEquals("{\"name\":\"li\",\"role\":\"agent\"}", Http.callAs(app, li, "GET", "/api/me", null).body());
        HttpResponse<String> users = Http.callAs(app, li, "GET", "/api/users", null);
        assertEquals(403, users.statusCode());
        assertEquals("agent \"li\" may not GET /api/users: needs admin", json(users).getString("error"));
        String pr = TestDaemon.tokenFor(app, Role.PR);
        assertEquals("needs agent or admin", json(Http.callAs(app, pr, "POST", "/api/alerts/a/ack", "{}")).getString("error")
                .replaceAll(".*: ", ""));
        HttpResponse<String> unlisted = Http.callAs(app, admin, "GET", "/api/not-a-route", null);
        assertEquals(404, unlisted.statusCode(), "no route has the path: not found, for admins too");
        assertEquals("no API path /api/not-a-route (the API is described at /api/openapi.yaml)", json(unlisted).getString("error"));
    }

    @Test
    void adminsManageUsersAndTokens() throws Exception {
        HttpResponse<String> made = Http.call(app, "POST", "/api/users", "{\"name\":\"王芳\",\"role\":\"pr\"}");
        assertEquals(201, made.statusCode(), made.body());
        String token = json(made).getString("token");
        assertTrue(token.matches("fbt_[A-Za-z0-9_-]{43}"), token);
        assertEquals("{\"name\":\"王芳\",\"role\":\"pr\"}", Http.callAs(app, token, "GET", "/api/me", null).body());

        HttpResponse<String> twice = Http.call(app, "POST", "/api/users", "{\"name\":\"王芳\",\"role\":\"agent\"}");
        assertEquals(409, twice.statusCode());
        assertEquals("user \"王芳\" already exists", json(twice).getString("error"));
        HttpResponse<String> badRole = Http.call(app, "POST", "/api/users", "{\"name\":\"zhao\",\"role\":\"boss\"}");
        assertEquals(400, badRole.statusCode());
        assertEquals("role: unknown role \"boss\" (expected agent, pr or admin)", json(badRole).getString("error"));
        HttpResponse<String> badName = Http.call(app, "POST", "/api/users", "{\"name\":\"a b\",\"role\":\"agent\"}");
        assertEquals(400, badName.statusCode());
        assertEquals("name: expected 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit, got \"a b\"",
                json(badName).getString("error"));
        assertEquals("name: missing", json(Http.call(app, "POST", "/api/users", "{\"role\":\"agent\"}")).getString("error"));

        HttpResponse<String> list = Http.call(app, "GET", "/api/users", null);
        JsonArray users = json(list).getJsonArray("users");
        assertTrue(users.stream().map(JsonObject.class::cast).anyMatch(u -> u.getString("name").equals("王芳")
                && u.getString("role").equals("pr")), list.body());
        assertFalse(list.body().contains("fbt_") || list.body().contains("tokenHash"), "no token or hash is shown");

        HttpResponse<String> rotated = Http.call(app, "POST", "/api/users/王芳/token".replace("王芳", "%E7%8E%8B%E8%8A%B3"), null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String fresh = json(rotated).getString("token");
        assertEquals(401, Http.callAs(app, token, "GET", "/api/me", null).statusCode(), "the old token stops working");
        assertEquals(200, Http.callAs(app, fresh, "GET", "/api/me", null).statusCode());

        assertEquals(204, Http.call(app, "DELETE", "/api/users/%E7%8E%8B%E8%8A%B3", null).statusCode());
        assertEquals(401, Http.callAs(app, fresh, "GET", "/api/me", null).statusCode());
        assertEquals(404, Http.call(app, "DELETE", "/api/users/%E7%8E%8B%E8%8A%B3", null).statusCode());
        assertEquals(409, Http.call(app, "DELETE", "/api/users/admin", null).statusCode(), "an admin cannot delete itself");

        // Every admin change is in the trail: who, what, and how it ended.
        List<JsonObject> trail = audit("admin");
        assertTrue(trail.stream().anyMatch(e -> e.getString("user").equals("admin") && e.getString("method").equals("POST")
                && e.getString("path").equals("/api/users") && e.getInteger("status") == 201), trail.toString());
        assertTrue(trail.stream().anyMatch(e -> e.getString("method").equals("DELETE") && e.getInteger("status") == 204),
                trail.toString());
        assertFalse(trail.toString().contains("fbt_"));
        assertEquals(400, Http.call(app, "GET", "/api/audit?kind=nope", null).statusCode());
    }

    @Test
    void theConsoleLogsInWithASessionCookie() throws Exception {
        String token = TestDaemon.tokenFor(app, Role.AGENT, "console-agent");
        HttpClient client = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + app.httpPort());
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(base.resolve("/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        assertEquals("{\"name\":\"console-agent\",\"role\":\"agent\"}", login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("fb_session="), setCookie);
        for (String attribute : new String[] {"Path=/", "Max-Age=43200", "HTTPOnly", "SameSite=Strict"}) {
            assertTrue(setCookie.toLowerCase().contains(attribute.toLowerCase()), setCookie + " lacks " + attribute);
        }
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(base.resolve("/api/me")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode());
        assertEquals("console-agent", json(me).getString("name"));

        assertEquals(204, client.send(HttpRequest.newBuilder(base.resolve("/api/logout")).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> after = client.send(HttpRequest.newBuilder(base.resolve("/api/me")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, after.statusCode());
        assertTrue(json(after).getString("error").startsWith("session expired, closed, or ended by a new token for its user: log in again"), after.body());

        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(base.resolve("/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"fbt_wrong\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertEquals("unknown or revoked token", json(wrong).getString("error"));
    }

    @Test
    void alertStepsAreByTheCallerWhenTheBodyNamesNobody() throws Exception {
        String token = TestDaemon.tokenFor(app, Role.AGENT, "xiaozhang");
        assertEquals(200, Http.call(app, "POST", "/api/ingest", "{\"platform\":\"weibo\",\"id\":\"9301\",\"kind\":\"post\","
                + "\"text\":\"暖途电暖器N3用了一周就漏电，手被电了一下，太危险了\",\"createdAt\":\"2026-11-20T10:15:00+08:00\","
                + "\"author\":{\"id\":\"u9301\",\"name\":\"某用户\",\"followers\":300,\"verified\":false}}").statusCode());
        String id = new JsonArray(Http.call(app, "GET", "/api/alerts?limit=50", null).body()).stream()
                .map(JsonObject.class::cast).filter(a -> a.getJsonArray("mentions").contains("weibo:9301"))
                .findFirst().orElseThrow().getString("id");
        HttpResponse<String> ack = Http.callAs(app, token, "POST", "/api/alerts/" + id + "/ack", null);
        assertEquals(200, ack.statusCode(), ack.body());
        JsonObject lifecycle = json(Http.callAs(app, token, "GET", "/api/alerts/" + id + "/lifecycle", null));
        JsonArray trail = lifecycle.getJsonArray("audit");
        assertEquals("xiaozhang", trail.getJsonObject(trail.size() - 1).getString("by"), trail.encode());
    }

    /** Copies what is written to stderr (where logback's console appender writes) while also letting it through. */
    static final class Logs implements AutoCloseable {
        private final PrintStream original = System.err;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        static Logs capture() {
            Logs logs = new Logs();
            System.setErr(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    logs.original.write(b);
                    synchronized (logs.copy) {
                        logs.copy.write(b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    logs.original.write(b, off, len);
                    synchronized (logs.copy) {
                        logs.copy.write(b, off, len);
                    }
                }
            }, true, StandardCharsets.UTF_8));
            return logs;
        }

        /** Whether a WARN line ends with {@code loggerAndMessage} ("logger - message"), after its timestamp and thread. */
        boolean warned(String loggerAndMessage) {
            return text().lines().anyMatch(l -> l.contains(" WARN ") && l.endsWith("] " + loggerAndMessage));
        }

        String text() {
            synchronized (copy) {
                return copy.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() {
            System.setErr(original);
        }
    }
}
