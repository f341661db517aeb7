package dev.firebreak.daemon.web;

import io.vertx.ext.web.Router;
import java.util.List;

/**
 * What one feature serves over HTTP. {@link HttpApi} mounts the routes; the {@link AccessTable} is
 * made from the same declarations, so a route and who may call it are written down once.
 */
public interface RouteGroup {
    List<Route> routes();

    /**
     * Table lines for the paths under this group's prefixes that are no route of it (a wildcard, so a
     * route added there later is not open to everyone by mistake); checked after every route's own line.
     */
    default List<AccessTable.Entry> guards() {
        return List.of();
    }

    /** Adds the routes to {@code router} (with no access check of its own: {@link HttpApi} puts one in front). */
    default void mount(Router router) {
        routes().forEach(r -> r.mount(router));
    }

    /** A wildcard line of {@link #guards}: {@code method} may be {@code *}, a final {@code /*} is any rest. */
    static AccessTable.Entry guard(String method, String pattern, Access access) {
        return new AccessTable.Entry(method, pattern, access.roles(), access.open());
    }
}
