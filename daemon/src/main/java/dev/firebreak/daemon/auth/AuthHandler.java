package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.AccessTable;
import dev.firebreak.daemon.web.CurrentUser;
import dev.firebreak.daemon.web.Role;

import dev.firebreak.daemon.web.Replies;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every {@code /api} route: lets open routes through, finds the caller from a bearer
 * token or the console's session cookie (401 when there is none or it is unknown), refuses a write
 * made with the cookie from another origin ({@link SameOrigin}, 403), checks the {@link AccessTable}
 * (403 naming the role needed), and records refusals and admin changes in the {@link AuditTrail}.
 * Tokens never reach a log line, an error or the trail.
 */
final class AuthHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);
    static final String SESSION_COOKIE = "fb_session";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "DELETE", "PATCH");

    private final UserStore users;
    private final AuditTrail audit;
    private final AccessTable table;
    private final SameOrigin sameOrigin;

    AuthHandler(UserStore users, AuditTrail audit, AccessTable table, SameOrigin sameOrigin) {
        this.users = users;
        this.audit = audit;
        this.table = table;
        this.sameOrigin = sameOrigin;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<AccessTable.Entry> entry = table.find(ctx.request().method().name(), ctx.normalizedPath());
        if (entry.isPresent() && entry.get().open()) {
            ctx.next();
            return;
        }
        // The lookup is asynchronous: hold the body back until the route's body handler is in place.
        if (!ctx.request().isEnded()) {
            ctx.request().pause();
        }
        String header = ctx.request().getHeader("Authorization");
        Cookie session = ctx.request().getCookie(SESSION_COOKIE);
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
                ctx.request().resume();
                unauthorised(ctx, "Authorization header is not \"Bearer <token>\"");
                return;
            }
            check(ctx, users.byToken(header.substring(7).trim()), "unknown or revoked token", entry);
        } else if (session != null) {
            String foreign = MUTATING.contains(ctx.request().method().name()) ? sameOrigin.refusal(ctx.request()) : null;
            if (foreign != null) {
                ctx.request().resume();
                deny(ctx, 403, "403 " + ctx.request().method().name() + " " + ctx.normalizedPath() + " from " + from(ctx)
                        + ": " + foreign, entry(ctx, 403, foreign), foreign);
                return;
            }
            check(ctx, users.bySession(session.getValue()),
                    "session expired, closed, or ended by a new token for its user: log in again", entry);
        } else {
            ctx.request().resume();
            unauthorised(ctx, "no token");
        }
    }

    private void check(RoutingContext ctx, CompletionStage<Optional<User>> lookup, String unknown,
                       Optional<AccessTable.Entry> entry) {
        Future.fromCompletionStage(lookup, ctx.vertx().getOrCreateContext()).onComplete(ar -> {
            // Resuming delivers the held body on a later turn of the event loop, after next() has set up the body handler.
            if (!ctx.request().isEnded()) {
                ctx.request().resume();
            }
            if (ar.failed()) {
                Replies.json(ctx, 503, Replies.error("Redis is down: cannot check credentials now ("
                        + ar.cause().getMessage() + ")"));
            } else if (ar.result().isEmpty()) {
                unauthorised(ctx, unknown);
            } else {
                authorise(ctx, ar.result().get(), entry);
            }
        });
    }

    private void authorise(RoutingContext ctx, User user, Optional<AccessTable.Entry> entry) {
        new CurrentUser(user.name(), user.role()).putOn(ctx);
        String method = ctx.request().method().name();
        Set<Role> allowed = entry.map(AccessTable.Entry::roles).orElse(Set.of());
        if (!allowed.contains(user.role())) {
            String needs = entry.isEmpty() ? "not open to any role" : "needs " + Role.spoken(allowed);
            forbidden(ctx, user, needs);
            return;
        }
        if (allowed.equals(Set.of(Role.ADMIN)) && MUTATING.contains(method)) {
            ctx.addEndHandler(done -> audit.append(AuditTrail.Kind.ADMIN, new JsonObject()
                    .put("at", Instant.now().toString()).put("user", user.name()).put("method", method)
                    .put("path", ctx.normalizedPath()).put("status", ctx.response().getStatusCode())));
        }
        ctx.next();
    }

    private void unauthorised(RoutingContext ctx, String reason) {
        String line = "401 " + ctx.request().method().name() + " " + ctx.normalizedPath() + " from " + from(ctx) + ": " + reason;
        deny(ctx, 401, line, entry(ctx, 401, reason), reason + ": send \"Authorization: Bearer <token>\" or log in"
                + " with POST /api/login");
    }

    private void forbidden(RoutingContext ctx, User user, String needs) {
        String request = ctx.request().method().name() + " " + ctx.normalizedPath();
        String who = user.role().wire() + " \"" + user.name() + "\"";
        deny(ctx, 403, "403 " + who + " " + request + ": " + needs,
                entry(ctx, 403, needs).put("user", user.name()).put("role", user.role().wire()),
                who + " may not " + request + ": " + needs);
    }

    private void deny(RoutingContext ctx, int status, String line, JsonObject entry, String error) {
        LOG.warn(line);
        audit.append(AuditTrail.Kind.DENIED, entry.put("line", line))
                .exceptionally(e -> {
                    LOG.warn("could not keep the refusal in the audit trail: {}", e.toString());
                    return null;
                });
        Replies.json(ctx, status, Replies.error(error));
    }

    private static JsonObject entry(RoutingContext ctx, int status, String reason) {
        return new JsonObject().put("at", Instant.now().toString()).put("status", status)
                .put("method", ctx.request().method().name()).put("path", ctx.normalizedPath())
                .put("from", from(ctx)).put("reason", reason);
    }

    private static String from(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
    }
}
