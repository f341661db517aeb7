package dev.firebreak.daemon.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** How every route answers: a status and a JSON body; errors as {@code {"error":"..."}}. */
public final class Replies {
    private Replies() { }

    public static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.toString());
    }

    public static JsonObject error(String message) {
        return new JsonObject().put("error", message);
    }
}
