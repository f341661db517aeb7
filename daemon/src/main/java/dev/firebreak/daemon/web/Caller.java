package dev.firebreak.daemon.web;

import io.vertx.ext.web.RoutingContext;

/**
 * Who is calling, as the authentication handler put it on the context ({@link CurrentUser}), in the
 * terms the delivery and subscription routes need. Nobody on the context (a route left public by
 * mistake) has no rights at all.
 */
public record Caller(String user, String role) {
    public static Caller of(RoutingContext ctx) {
        return CurrentUser.of(ctx).map(u -> new Caller(u.name(), u.role().wire())).orElse(new Caller(null, null));
    }

    public boolean admin() {
        return "admin".equals(role);
    }

    /** Answers 403 unless the caller is an admin, or (when {@code adminOnly} is false) a pr user. */
    public boolean refuse(RoutingContext ctx, boolean adminOnly) {
        if (admin() || (!adminOnly && "pr".equals(role))) {
            return false;
        }
        Replies.json(ctx, 403, Replies.error("forbidden: role " + role + " may not " + ctx.request().method()
                + " " + ctx.request().path()));
        return true;
    }
}
