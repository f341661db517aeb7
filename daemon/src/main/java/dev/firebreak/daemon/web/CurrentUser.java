package dev.firebreak.daemon.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Who is calling, as the authentication handler left it on the routing context. Other packages may
 * read the two plain keys ({@code fb.user}, {@code fb.role}) or use {@link #of}.
 */
public record CurrentUser(String name, Role role) {
    public static final String USER_KEY = "fb.user";
    public static final String ROLE_KEY = "fb.role";

    /** Empty on public routes (no token was asked for). */
    public static Optional<CurrentUser> of(RoutingContext ctx) {
        String name = ctx.get(USER_KEY);
        String role = ctx.get(ROLE_KEY);
        return name == null || role == null ? Optional.empty() : Optional.of(new CurrentUser(name, Role.parse(role)));
    }

    /** The caller's name, or {@code fallback} on a public route. */
    public static String nameOr(RoutingContext ctx, String fallback) {
        String name = ctx.get(USER_KEY);
        return name == null ? fallback : name;
    }

    public void putOn(RoutingContext ctx) {
        ctx.put(USER_KEY, name);
        ctx.put(ROLE_KEY, role.wire());
    }
}
