package dev.firebreak.daemon.web;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.TestDaemon;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access table's patterns, and the decisions of the table a daemon makes from the routes it declares. */
class AccessTableTest {
    @TempDir
    static Path data;
    private static Firebreak app;
    private static AccessTable table;

    @BeforeAll
    static void start() throws Exception {
        app = TestDaemon.pushOnly(data);
        table = app.auth().table();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private Set<Role> roles(String method, String path) {
        return table.find(method, path).map(AccessTable.Entry::roles).orElse(Set.of());
    }

    @Test
    void patternsMatchWholeSegments() {
        assertTrue(AccessTable.patternMatches("/api/alerts/:id/ack", "/api/alerts/a-1/ack"));
        assertFalse(AccessTable.patternMatches("/api/alerts/:id/ack", "/api/alerts/ack"));
        assertFalse(AccessTable.patternMatches("/api/alerts", "/api/alertsx"));
        assertTrue(AccessTable.patternMatches("/api/alerts", "/api/alerts/"));
        assertTrue(AccessTable.patternMatches("/api/mentions/*", "/api/mentions/histogram/day"));
        assertFalse(AccessTable.patternMatches("/api/mentions/*", "/api/mentions"), "a wildcard needs a segment");
        assertFalse(AccessTable.patternMatches("/api/users", "/api/users/li"));
    }

    @Test
    void agentsWorkAlertsButOnlyAdminsChangeRules() {
        assertEquals(Set.of(Role.ADMIN), roles("PUT", "/api/rules/files/x.yaml"));
        assertEquals(Set.of(Role.AGENT, Role.PR, Role.ADMIN), roles("GET", "/api/rules"), "everyone reads rule status");
        assertEquals(Set.of(Role.AGENT, Role.ADMIN), roles("POST", "/api/alerts/a-1/resolve"));
        assertEquals(Set.of(Role.AGENT, Role.PR, Role.ADMIN), roles("GET", "/api/alerts/stream"));
        assertEquals(Set.of(Role.PR, Role.ADMIN), roles("DELETE", "/api/subscriptions/s-1"));
        assertEquals(Set.of(Role.ADMIN), roles("POST", "/api/ingest"));
        assertEquals(Set.of(Role.ADMIN), roles("POST", "/api/dead-letters/d-1/redeliver"));
    }

    @Test
    void theConsoleReadsAndSnoozesAndPrStaffReadTheirOwnDeliveries() {
        Set<Role> all = Set.of(Role.AGENT, Role.PR, Role.ADMIN);
        assertEquals(all, roles("GET", "/api/alerts/lifecycles"), "the console's cards");
        assertEquals(all, roles("GET", "/api/stories/s-1/mentions"));
        assertEquals(all, roles("GET", "/api/mentions/histogram"));
        assertEquals(Set.of(Role.AGENT, Role.ADMIN), roles("POST", "/api/alerts/a-1/snooze"));
        assertEquals(Set.of(Role.PR, Role.ADMIN), roles("GET", "/api/subscriptions"));
        assertEquals(Set.of(Role.PR, Role.ADMIN), roles("POST", "/api/subscriptions/s-1/rotate"));
        for (String p : new String[] {"/api/channels", "/api/deliveries", "/api/dead-letters"}) {
            assertEquals(Set.of(Role.PR, Role.ADMIN), roles("GET", p), p + " (the routes show pr users their own)");
        }
        assertEquals(Set.of(Role.ADMIN), roles("POST", "/api/channels/pr-oncall/enable"));
        assertEquals(Set.of(Role.ADMIN), roles("POST", "/api/dead-letters/d-1/redeliver"));
    }

    @Test
    void openRoutesAndDefaultDeny() {
        assertTrue(table.find("POST", "/api/login").orElseThrow().open());
        assertTrue(table.find("POST", "/api/ack/abc.def").orElseThrow().open());
        assertFalse(table.find("POST", "/api/ack/abc/def").isPresent(), "an acknowledge link is one segment");
        assertFalse(table.find("GET", "/api/ack/abc.def").isPresent(), "only POST acknowledges");
        assertTrue(table.find("POST", "/api/connectors/douyin-brand/webhook").orElseThrow().open());
        assertEquals(Set.of(Role.ADMIN), roles("POST", "/api/connectors/weibo/restart"), "other connector changes are admin's");
        assertFalse(table.find("GET", "/api/login").isPresent(), "only POST /api/login is open");
        assertFalse(table.find("GET", "/api/nothing-here").isPresent(), "not in the table: nobody");
    }

    @Test
    void eachRouteDeclaresItsLineAndGuardsCoverTheRestOfAPrefix() {
        RouteGroup group = new RouteGroup() {
            @Override
            public List<Route> routes() {
                return List.of(Route.get("/api/things/:id", Access.ALL, "a thing", ctx -> { }),
                        Route.post("/api/things/:id/hook", Access.PUBLIC, "a platform calls", ctx -> { }),
                        Route.get("/health", Access.PUBLIC, "outside /api: no line", ctx -> { }));
            }

            @Override
            public List<AccessTable.Entry> guards() {
                return List.of(RouteGroup.guard("*", "/api/things/*", Access.ADMIN));
            }
        };
        AccessTable made = AccessTable.of(List.of(group));
        assertEquals(3, made.entries().size(), "two routes under /api and one guard: " + made.entries());
        assertEquals(Set.of(Role.AGENT, Role.PR, Role.ADMIN),
                made.find("GET", "/api/things/t-1").orElseThrow().roles(), "the route's line wins over the guard");
        assertTrue(made.find("POST", "/api/things/t-1/hook").orElseThrow().open());
        assertEquals(Set.of(Role.ADMIN), made.find("DELETE", "/api/things/t-1").orElseThrow().roles(), "the guard");
        assertFalse(made.find("GET", "/api/other").isPresent());
    }

    @Test
    void theMethodsServedAtAPathComeFromRoutesNotGuards() {
        assertEquals(Set.of("PUT", "DELETE"), table.methodsServed("/api/rules/files/x.yaml"));
        assertEquals(Set.of("GET"), table.methodsServed("/api/alerts"));
        assertEquals(Set.of(), table.methodsServed("/api/mentions/day"), "a guard covers it, but no route serves it");
        assertEquals(Set.of(), table.methodsServed("/api/nothing-here"));
    }

    @Test
    void rolesParseWithAClearError() {
        assertEquals(Role.PR, Role.parse("pr"));
        assertEquals("role: unknown role \"boss\" (expected agent, pr or admin)",
                assertThrows(IllegalArgumentException.class, () -> Role.parse("boss")).getMessage());
        assertEquals("agent or admin", Role.spoken(Set.of(Role.ADMIN, Role.AGENT)));
    }
}
