package dev.firebreak.monitor.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Who is calling, as the authentication handler put it on the context ({@code fb.user},
 * {@code fb.role}). With no authentication in front (null role) the caller is treated as an admin.
 */
record Caller(String user, String role) {
    static Caller of(RoutingContext ctx) {
        Object user = ctx.get("fb.user");
        Object role = ctx.get("fb.role");
        return new Caller(user == null ? null : user.toString(), role == null ? null : role.toString());
    }

    boolean admin() {
        return role == null || role.equals("admin");
    }

    /** Answers 403 unless the caller is an admin, or (when {@code adminOnly} is false) a pr user. */
    boolean refuse(RoutingContext ctx, boolean adminOnly) {
        if (admin() || (!adminOnly && "pr".equals(role))) {
            return false;
        }
        Replies.json(ctx, 403, Replies.error("forbidden: role " + role + " may not " + ctx.request().method()
                + " " + ctx.request().path()));
        return true;
    }
}
