package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.CurrentUser;

import dev.firebreak.daemon.web.Replies;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;

/**
 * The console's login: {@code POST /api/login {"token"}} trades an API token for an HttpOnly,
 * SameSite=Strict session cookie (12 h; EventSource sends it, so the SSE feed works), bound to that
 * token; too many failures from one address get 429 for a while ({@link LoginThrottle});
 * {@code POST /api/logout} ends it; {@code GET /api/me} says who is calling.
 */
final class SessionRoutes implements RouteGroup {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRoutes.class);

    private final UserStore users;
    private final AuditTrail audit;
    private final LoginThrottle throttle;

    SessionRoutes(UserStore users, AuditTrail audit, LoginThrottle throttle) {
        this.users = users;
        this.audit = audit;
        this.throttle = throttle;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/api/login", Access.PUBLIC, "trade an API token for a console session cookie"
                        + " (fb_session, HttpOnly, SameSite=Strict, 12 h)", 4096, this::login),
                Route.post("/api/logout", Access.PUBLIC, "end the console session and clear its cookie", this::logout),
                Route.get("/api/me", Access.ALL, "who is calling", this::me));
    }

    private void login(RoutingContext ctx) {
        long wait = throttle.retryAfterSeconds(from(ctx));
        if (wait > 0) {
            String why = "too many failed logins from " + from(ctx) + " (" + throttle.limit() + " in "
                    + throttle.window().toMinutes() + " min): try again in " + wait + " s";
            LOG.warn("429 POST /api/login: {}", why);
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            Replies.json(ctx, 429, Replies.error(why));
            return;
        }
        String token;
        try {
            token = ctx.body().asJsonObject().getString("token");
        } catch (RuntimeException e) {
            Replies.json(ctx, 400, Replies.error("the body is not a JSON object like {\"token\":\"fbt_...\"}"));
            return;
        }
        if (token == null || token.isBlank()) {
            Replies.json(ctx, 400, Replies.error("token: missing"));
            return;
        }
        Future.fromCompletionStage(users.byToken(token), ctx.vertx().getOrCreateContext())
                .compose(user -> user.isEmpty() ? Future.succeededFuture(null)
                        : Future.fromCompletionStage(users.openSession(user.get().name(), token), ctx.vertx().getOrCreateContext())
                                .map(session -> {
                                    ctx.response().addCookie(cookie(session, UserStore.SESSION_LIFETIME.toSeconds()));
                                    return user.get();
                                }))
                .onSuccess(user -> {
                    if (user == null) refuse(ctx);
                    else Replies.json(ctx, 200, new JsonObject().put("name", user.name()).put("role", user.role().wire()));
                })
                .onFailure(ctx::fail);
    }

    private void refuse(RoutingContext ctx) {
        String from = from(ctx);
        throttle.failed(from);
        String line = "401 POST /api/login from " + from + ": unknown or revoked token";
        LOG.warn(line);
        audit.append(AuditTrail.Kind.DENIED, new JsonObject().put("at", Instant.now().toString()).put("status", 401)
                .put("method", "POST").put("path", "/api/login").put("from", from)
                .put("reason", "unknown or revoked token").put("line", line));
        Replies.json(ctx, 401, Replies.error("unknown or revoked token"));
    }

    private void logout(RoutingContext ctx) {
        Cookie session = ctx.request().getCookie(AuthHandler.SESSION_COOKIE);
        ctx.response().addCookie(cookie("", 0));
        if (session == null) {
            ctx.response().setStatusCode(204).end();
            return;
        }
        Future.fromCompletionStage(users.closeSession(session.getValue()), ctx.vertx().getOrCreateContext())
                .onSuccess(x -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void me(RoutingContext ctx) {
        CurrentUser user = CurrentUser.of(ctx).orElseThrow();
        Replies.json(ctx, 200, new JsonObject().put("name", user.name()).put("role", user.role().wire()));
    }

    private static String from(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
    }

    private static Cookie cookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(AuthHandler.SESSION_COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(maxAgeSeconds);
    }
}
