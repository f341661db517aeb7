package dev.firebreak.daemon.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hostile input issue 14 found, on a real daemon: the exact status and error, and nothing stored wrong. */
class HostileInputTest {
    @TempDir
    static Path data;
    @TempDir
    static Path rules;
    static Firebreak app;
    static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        app = TestDaemon.withRules(data, rules);
        http = new RawHttp(app.httpPort(), Http.adminToken(app), 10_000);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String mention(String id, String createdAt) {
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"kind\":\"post\",\"text\":\"暖途退款拖了一个月\","
                + "\"createdAt\":\"" + createdAt + "\",\"author\":{\"id\":\"42\"}}";
    }

    static void assertError(RawHttp.Reply r, int status, String error) {
        assertEquals(status, r.status(), r.body());
        assertEquals(error, new JsonObject(r.body()).getString("error"));
    }

    @Test
    void aBadTimeRefusesTheWholeBatchByIndexAndFieldAndStoresNothing() throws Exception {
        String good = mention("h-1", "2026-11-20T10:15:00+08:00");
        String[][] cases = {{"", "\"\""}, {"\\u0000", "\"\\u0000\""}};
        for (String[] c : cases) {
            RawHttp.Reply r = http.send("POST", "/api/ingest", "[" + good + "," + mention("h-2", c[0]) + "]");
            assertError(r, 400, "mention[1]: invalid value " + c[1] + " for \"createdAt\": expected an ISO-8601 time with"
                    + " offset, like 2026-11-20T10:15:00+08:00");
            assertEquals(0, new JsonObject(r.body()).getInteger("stored"));
        }
        for (String year : new String[] {"+999999999", "-999999999"}) {
            assertError(http.send("POST", "/api/ingest", "[" + good + "," + mention("h-2", year + "-01-01T00:00:00Z") + "]"), 400,
                    "mention[1]: invalid value \"" + year + "-01-01T00:00:00Z\" for \"createdAt\": the year must be from 1000 to 9999");
        }
        assertEquals(0, app.index().countId("weibo:h-1"), "the good mention beside a bad one is not stored either");
        assertEquals(0, app.index().countId("weibo:h-2"));
    }

    @Test
    void onlyOneValueNoOrdinalsNoNegativeCountersNoFloatIds() throws Exception {
        String a = mention("h-3", "2026-11-20T10:15:00+08:00");
        assertError(http.send("POST", "/api/ingest", a + mention("h-4", "2026-11-20T10:15:00+08:00")), 400,
                "not valid JSON at column " + (a.codePointCount(0, a.length()) + 1)
                        + ": more follows the first JSON value (send several mentions as one JSON array)");
        assertEquals(400, http.send("POST", "/api/ingest", a + " garbage").status());
        assertError(http.send("POST", "/api/ingest", a.replace("\"weibo\"", "1")), 400, "field \"platform\" must be a string, got 1");
        assertError(http.send("POST", "/api/ingest", a.replace("}}", "},\"metrics\":{\"likes\":-5}}")), 400,
                "metrics.likes must not be negative, got -5");
        assertError(http.send("POST", "/api/ingest", a.replace("\"h-3\"", "1e309")), 400, "field \"id\" must be a string, got 1E+309");
        assertEquals(0, app.index().countId("weibo:h-3"));
        assertEquals(0, app.index().countId("weibo:h-4"));
        RawHttp.Reply ok = http.send("POST", "/api/ingest", a);
        assertEquals(200, ok.status(), ok.body());
        assertEquals(1, app.index().countId("weibo:h-3"));
    }

    @Test
    void searchParametersOutOfRangeOrBadlyEncodedAre400s() throws Exception {
        for (String route : new String[] {"/api/mentions", "/api/mentions/histogram"}) {
            assertError(http.send("GET", route + "?from=%2B999999999-01-01T00:00:00Z", null), 400,
                    "from: the year must be from 1000 to 9999, got \"+999999999-01-01T00:00:00Z\"");
            assertError(http.send("GET", route + "?to=-999999999-01-01T00:00:00Z", null), 400,
                    "to: the year must be from 1000 to 9999, got \"-999999999-01-01T00:00:00Z\"");
            assertError(http.send("GET", route + "?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", null), 400,
                    "from: 2026-11-21T00:00:00Z is after to: 2026-11-20T00:00:00Z");
            assertError(http.send("GET", route + "?q=%", null), 400, "bad percent-encoding in the query string: \"%\" at"
                    + " character 3 is not % and two hex digits (write % as %25)");
            assertError(http.send("GET", route + "?q=%zz", null), 400, "bad percent-encoding in the query string: \"%zz\" at"
                    + " character 3 is not % and two hex digits (write % as %25)");
            assertError(http.send("GET", route + "?q=" + "%28".repeat(600) + "a" + "%29".repeat(600), null), 400,
                    "column 65: nesting deeper than 64");
            assertError(http.send("GET", route + "?q=" + "-".repeat(3000) + "a", null), 400, "column 65: nesting deeper than 64");
        }
    }

    @Test
    void aRuleFileNeedsTextToBeWrittenAndIsRemovedWithDelete() throws Exception {
        String rule = "rules:\n  - id: deep\n    match: " + "(".repeat(3000) + "退款" + ")".repeat(3000) + "\n    severity: P3\n"
                + "    notify: [agents]\n";
        RawHttp.Reply deep = http.send("PUT", "/api/rules/files/x.yaml", new JsonObject().put("text", rule).put("by", "li").encode());
        assertError(deep, 400, "the rules would not check; nothing was changed");
        assertEquals("x.yaml:3:12: rule \"deep\": match: column 65: nesting deeper than 64",
                new JsonObject(deep.body()).getJsonArray("problems").getString(0));

        String good = "rules:\n  - id: refunds\n    match: 退款\n    severity: P3\n    notify: [agents]\n";
        assertEquals(200, http.send("PUT", "/api/rules/files/x.yaml", new JsonObject().put("text", good).put("by", "li").encode()).status());
        assertError(http.send("PUT", "/api/rules/files/x.yaml", "{\"by\":\"li\"}"), 400,
                "text is required: the file's new YAML (to remove a file, DELETE it)");
        assertError(http.send("PUT", "/api/rules/files/x.yaml", "{\"text\":5}"), 400, "text: expected a string");
        assertEquals(good, Files.readString(rules.resolve("x.yaml")), "a PUT without text removes nothing");
        RawHttp.Reply removed = http.send("DELETE", "/api/rules/files/x.yaml", null);
        assertEquals(200, removed.status(), removed.body());
        assertEquals(false, Files.exists(rules.resolve("x.yaml")));
        assertError(http.send("DELETE", "/api/rules/files/x.yaml", null), 404, "no rule file x.yaml");
    }

    @Test
    void unknownApiPathsAre404AndAKnownPathWithAnotherMethodIs405() throws Exception {
        assertError(http.send("GET", "/api/nope", null), 404, "no API path /api/nope (the API is described at /api/openapi.yaml)");
        assertError(new RawHttp(app.httpPort(), null, 10_000).send("GET", "/api/nope", null), 404,
                "no API path /api/nope (the API is described at /api/openapi.yaml)");
        RawHttp.Reply wrong = http.send("DELETE", "/api/alerts", null);
        assertError(wrong, 405, "DELETE is not served at /api/alerts; it takes GET");
        assertError(http.send("GET", "/api/rules/files/x.yaml", null), 405,
                "GET is not served at /api/rules/files/x.yaml; it takes PUT, DELETE");
    }
}
