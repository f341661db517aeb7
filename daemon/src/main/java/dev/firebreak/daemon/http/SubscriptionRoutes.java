package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Caller;
import dev.firebreak.delivery.webhook.Subscription;
import dev.firebreak.delivery.webhook.Subscriptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.List;

/**
 * PR webhook subscriptions: {@code GET/POST /api/subscriptions}, {@code DELETE /api/subscriptions/{id}},
 * {@code POST /api/subscriptions/{id}/rotate}. The body of a create is {@code {"url","channel","description"}}
 * ({@code allowPrivate} too, for an admin); the answer holds the new {@code whsec_} secret, shown this
 * once. A pr user sees and changes only their own; an admin all; an agent none.
 */
public final class SubscriptionRoutes implements RouteGroup {
    private final Vertx vertx;
    private final Subscriptions subscriptions;

    public SubscriptionRoutes(Vertx vertx, Subscriptions subscriptions) {
        this.vertx = vertx;
        this.subscriptions = subscriptions;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/subscriptions", Access.PR,
                        "PR webhook subscriptions, masked; a pr user sees only their own, an admin all", this::list),
                Route.post("/api/subscriptions", Access.PR, "subscribe a URL to a channel's alerts (Standard Webhooks);"
                        + " the answer holds the whsec_ secret, shown this once", 16_384, this::create),
                Route.delete("/api/subscriptions/:id", Access.PR, "end a subscription (a pr user only their own)", this::delete),
                Route.post("/api/subscriptions/:id/rotate", Access.PR,
                        "a new signing secret, shown this once; the old one signs too for a day", this::rotate));
    }

    @Override
    public List<dev.firebreak.daemon.web.AccessTable.Entry> guards() {
        return List.of(RouteGroup.guard("*", "/api/subscriptions", Access.PR),
                RouteGroup.guard("*", "/api/subscriptions/*", Access.PR));
    }

    private void list(RoutingContext ctx) {
        Caller who = Caller.of(ctx);
        if (who.refuse(ctx, false)) return;
        run(ctx, 200, () -> {
            JsonArray out = new JsonArray();
            long now = System.currentTimeMillis();
            subscriptions.visibleTo(owner(who)).forEach(s -> out.add(s.toPublic(now)));
            return new JsonObject().put("subscriptions", out);
        });
    }

    private void create(RoutingContext ctx) {
        Caller who = Caller.of(ctx);
        if (who.refuse(ctx, false)) return;
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            Replies.json(ctx, 400, Replies.error("body: expected a JSON object {\"url\",\"channel\",\"description\"}"));
            return;
        }
        if (body == null) {
            Replies.json(ctx, 400, Replies.error("body: expected a JSON object {\"url\",\"channel\",\"description\"}"));
            return;
        }
        boolean allowPrivate = body.getValue("allowPrivate") instanceof Boolean b && b;
        if (allowPrivate && !who.admin()) {
            Replies.json(ctx, 403, Replies.error("allowPrivate: only an admin may allow private addresses"));
            return;
        }
        run(ctx, 201, () -> {
            var created = subscriptions.create(who.user(), text(body, "url"), text(body, "channel"),
                    text(body, "description"), allowPrivate);
            return shown(created);
        });
    }

    private void delete(RoutingContext ctx) {
        Caller who = Caller.of(ctx);
        if (who.refuse(ctx, false)) return;
        String id = ctx.pathParam("id");
        run(ctx, 200, () -> {
            if (!subscriptions.delete(id, owner(who))) {
                throw new NoSuchElementException("no subscription \"" + id + "\"");
            }
            return new JsonObject().put("id", id).put("deleted", true);
        });
    }

    private void rotate(RoutingContext ctx) {
        Caller who = Caller.of(ctx);
        if (who.refuse(ctx, false)) return;
        String id = ctx.pathParam("id");
        run(ctx, 200, () -> {
            var rotated = subscriptions.rotate(id, owner(who));
            if (rotated == null) {
                throw new NoSuchElementException("no subscription \"" + id + "\"");
            }
            return shown(rotated);
        });
    }

    /** The subscription, masked, and its new secret in full: the one time it is shown. */
    private static JsonObject shown(Subscriptions.Created c) {
        Subscription s = c.subscription();
        return s.toPublic(System.currentTimeMillis()).put("secret", c.secret())
                .put("note", "the secret is shown this once: store it now");
    }

    /** Whose subscriptions the caller may touch: null for an admin (all). */
    private static String owner(Caller who) {
        return who.admin() ? null : who.user();
    }

    private static String text(JsonObject body, String key) {
        Object v = body.getValue(key);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException(key + ": expected text");
        }
        return (String) v;
    }

    private void run(RoutingContext ctx, int status, Callable<JsonObject> work) {
        vertx.executeBlocking(work).onSuccess(body -> Replies.json(ctx, status, body)).onFailure(e -> Replies.json(ctx,
                e instanceof NoSuchElementException ? 404 : e instanceof IllegalArgumentException ? 400 : 500,
                Replies.error(String.valueOf(e.getMessage()))));
    }
}
