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

    /**
     * The request's body as a JSON object (an empty body is an empty object); null when it is not one,
     * after answering 400 with why.
     */
    public static JsonObject objectBody(RoutingContext ctx) {
        try {
            return ctx.body().length() <= 0 ? new JsonObject() : ctx.body().buffer().toJsonObject();
        } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
            json(ctx, 400, error("the body is not a JSON object: " + e.getMessage()));
            return null;
        }
    }
}
