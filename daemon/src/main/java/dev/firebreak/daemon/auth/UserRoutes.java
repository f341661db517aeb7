package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.AccessTable;
import dev.firebreak.daemon.web.CurrentUser;
import dev.firebreak.daemon.web.Role;

import dev.firebreak.daemon.web.Replies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.List;

/**
 * Admins manage users: {@code GET /api/users}, {@code POST /api/users {"name","role"}} (201 with the
 * token, shown this once), {@code DELETE /api/users/{name}}, {@code POST /api/users/{name}/token}
 * (a new token; the old one stops working).
 */
final class UserRoutes implements RouteGroup {
    private final UserStore users;

    UserRoutes(UserStore users) {
        this.users = users;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/users", Access.ADMIN, "every user (never a token)", this::list),
                Route.post("/api/users", Access.ADMIN, "add a user; its token is in the answer, shown this once", 4096, this::create),
                Route.delete("/api/users/:name", Access.ADMIN, "remove a user; its token and sessions stop working", this::delete),
                Route.post("/api/users/:name/token", Access.ADMIN, "a new token for the user; the old one stops working",
                        this::rotate));
    }

    @Override
    public List<dev.firebreak.daemon.web.AccessTable.Entry> guards() {
        return List.of(RouteGroup.guard("*", "/api/users", Access.ADMIN), RouteGroup.guard("*", "/api/users/*", Access.ADMIN));
    }

    private void list(RoutingContext ctx) {
        Future.fromCompletionStage(users.list(), ctx.vertx().getOrCreateContext())
                .onSuccess(list -> Replies.json(ctx, 200, new JsonObject().put("users",
                        new JsonArray(list.stream().map(User::toJson).toList()))))
                .onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        String name;
        Role role;
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw new IllegalArgumentException("the body is not a JSON object like {\"name\":\"li\",\"role\":\"agent\"}");
            }
            name = User.checkName(body.getString("name"));
            role = Role.parse(body.getString("role"));
        } catch (IllegalArgumentException e) {
            Replies.json(ctx, 400, Replies.error(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            Replies.json(ctx, 400, Replies.error("the body is not a JSON object like {\"name\":\"li\",\"role\":\"agent\"}"));
            return;
        }
        Future.fromCompletionStage(users.create(name, role), ctx.vertx().getOrCreateContext())
                .onSuccess(token -> {
                    if (token.isEmpty()) {
                        Replies.json(ctx, 409, Replies.error("user \"" + name + "\" already exists"));
                    } else {
                        Replies.json(ctx, 201, new JsonObject().put("name", name).put("role", role.wire())
                                .put("token", token.get()).put("note", "the token is shown only this once"));
                    }
                })
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        if (name.equals(CurrentUser.nameOr(ctx, null))) {
            Replies.json(ctx, 409, Replies.error("you cannot delete yourself (\"" + name + "\"): another admin can"));
            return;
        }
        Future.fromCompletionStage(users.delete(name), ctx.vertx().getOrCreateContext())
                .onSuccess(removed -> {
                    if (removed) ctx.response().setStatusCode(204).end();
                    else notFound(ctx, name);
                })
                .onFailure(ctx::fail);
    }

    private void rotate(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Future.fromCompletionStage(users.rotateToken(name), ctx.vertx().getOrCreateContext())
                .onSuccess((Optional<String> token) -> {
                    if (token.isEmpty()) notFound(ctx, name);
                    else Replies.json(ctx, 200, new JsonObject().put("name", name).put("token", token.get())
                            .put("note", "the token is shown only this once; the old one no longer works"));
                })
                .onFailure(ctx::fail);
    }

    private static void notFound(RoutingContext ctx, String name) {
        Replies.json(ctx, 404, Replies.error("no user \"" + name + "\""));
    }
}
