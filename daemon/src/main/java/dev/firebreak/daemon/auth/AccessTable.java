package dev.firebreak.daemon.auth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what under {@code /api}: method and route pattern to the roles allowed, first match
 * wins, anything not listed is refused to everyone. A pattern segment {@code :name} matches one path
 * segment; a final {@code *} matches one or more. Method {@code *} is any method.
 */
public final class AccessTable {
    /** One line of the table; {@code open} lines need no token at all. */
    public record Entry(String method, String pattern, Set<Role> roles, boolean open) {
        boolean matches(String requestMethod, String path) {
            return (method.equals("*") || method.equals(requestMethod)) && patternMatches(pattern, path);
        }
    }

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> AGENT = EnumSet.of(Role.AGENT, Role.ADMIN);
    private static final Set<Role> PR = EnumSet.of(Role.PR, Role.ADMIN);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    private final List<Entry> entries;

    private AccessTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The daemon's table. Order matters where patterns overlap (the Douyin webhook before admin connectors). */
    public static AccessTable standard() {
        Builder b = new Builder();
        b.open("POST", "/api/login").open("POST", "/api/logout").open("GET", "/api/openapi.yaml")
                .open("POST", "/api/ack/:token")         // robot ack links carry their own signature
                .open("POST", "/api/connectors/:id/webhook");   // Douyin signs its own pushes
        b.allow("GET", "/api/me", ALL);
        // What the agents' console reads; pr users read it too (the lifecycles batch is the per-alert lifecycle, many at once).
        for (String p : new String[] {"/api/alerts", "/api/alerts/stream", "/api/alerts/:id/lifecycle",
            "/api/alerts/lifecycles", "/api/stories",
            "/api/stories/*", "/api/mentions", "/api/mentions/*", "/api/connectors", "/api/connectors/*"}) {
            b.allow("GET", p, ALL);
        }
        for (String step : new String[] {"ack", "assign", "resolve", "snooze"}) {
            b.allow("POST", "/api/alerts/:id/" + step, AGENT);
        }
        // Read-only status every role may see (pr staff read too: the console's status page shows rules).
        for (String p : new String[] {"/api/rules", "/api/rules/changes", "/api/silences", "/api/analysis"}) {
            b.allow("GET", p, ALL);
        }
        // pr users see the endpoints, attempts and dead letters of their own subscriptions (the routes filter).
        for (String p : new String[] {"/api/channels", "/api/deliveries", "/api/dead-letters"}) {
            b.allow("GET", p, PR);
        }
        b.allow("*", "/api/subscriptions", PR).allow("*", "/api/subscriptions/*", PR);
        b.allow("PUT", "/api/rules/files/:file", ADMIN).allow("POST", "/api/rules/changes/:n/rollback", ADMIN)
                .allow("POST", "/api/rules/backtest", ADMIN)
                .allow("POST", "/api/silences", ADMIN).allow("DELETE", "/api/silences/:id", ADMIN)
                .allow("POST", "/api/ingest", ADMIN).allow("GET", "/api/audit", ADMIN)
                .allow("*", "/api/connectors/*", ADMIN);
        for (String p : new String[] {"/api/users", "/api/channels", "/api/deliveries", "/api/dead-letters"}) {
            b.allow("*", p, ADMIN).allow("*", p + "/*", ADMIN);
        }
        return new AccessTable(b.entries);
    }

    /** The first line that covers the request, or empty: nobody may call it. */
    public Optional<Entry> find(String method, String path) {
        return entries.stream().filter(e -> e.matches(method, path)).findFirst();
    }

    public List<Entry> entries() {
        return entries;
    }

    static boolean patternMatches(String pattern, String path) {
        String[] want = segments(pattern);
        String[] got = segments(path);
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals("*") && i == want.length - 1) {
                return got.length > i;
            }
            if (i >= got.length || !(want[i].startsWith(":") ? !got[i].isEmpty() : want[i].equals(got[i]))) {
                return false;
            }
        }
        return got.length == want.length;
    }

    private static String[] segments(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.split("/", -1);
    }

    private static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        Builder open(String method, String pattern) {
            entries.add(new Entry(method, pattern, Set.of(), true));
            return this;
        }

        Builder allow(String method, String pattern, Set<Role> roles) {
            entries.add(new Entry(method, pattern, Set.copyOf(roles), false));
            return this;
        }
    }
}
