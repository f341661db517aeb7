package dev.firebreak.daemon.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what under {@code /api}: method and route pattern to the roles allowed, first match
 * wins, anything not listed is refused to everyone. A pattern segment {@code :name} matches one path
 * segment; a final {@code *} matches one or more. Method {@code *} is any method. Made from the routes
 * the features declare ({@link RouteGroup}), so it lists what is served and nothing else.
 */
public final class AccessTable {
    /** One line of the table; {@code open} lines need no token at all. */
    public record Entry(String method, String pattern, Set<Role> roles, boolean open) {
        boolean matches(String requestMethod, String path) {
            return (method.equals("*") || method.equals(requestMethod)) && patternMatches(pattern, path);
        }
    }

    private final List<Entry> entries;
    /** The routes' own lines, without the guards: what is really served. */
    private final List<Entry> served;

    private AccessTable(List<Entry> entries, List<Entry> served) {
        this.entries = List.copyOf(entries);
        this.served = List.copyOf(served);
    }

    /**
     * The table of the routes the groups declare: each {@code /api} route's own line first (routes do not
     * overlap, so their order does not matter), then the groups' wildcard guards, in group order.
     */
    public static AccessTable of(List<? extends RouteGroup> groups) {
        List<Entry> lines = new ArrayList<>();
        for (RouteGroup g : groups) {
            for (Route r : g.routes()) {
                if (r.path().startsWith("/api/")) {
                    lines.add(new Entry(r.method(), r.path(), r.access().roles(), r.access().open()));
                }
            }
        }
        List<Entry> served = List.copyOf(lines);
        groups.forEach(g -> lines.addAll(g.guards()));
        return new AccessTable(lines, served);
    }

    /** The first line that covers the request, or empty: nobody may call it. */
    public Optional<Entry> find(String method, String path) {
        return entries.stream().filter(e -> e.matches(method, path)).findFirst();
    }

    /**
     * The methods some route serves at {@code path} (guards aside), in table order: empty means no route
     * has this path at all (404), a set without the request's method means the path is served with other
     * methods (405).
     */
    public Set<String> methodsServed(String path) {
        Set<String> out = new java.util.LinkedHashSet<>();
        served.stream().filter(e -> patternMatches(e.pattern(), path)).forEach(e -> out.add(e.method()));
        return out;
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
}
