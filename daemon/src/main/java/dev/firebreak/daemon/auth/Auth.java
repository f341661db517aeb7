package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.AccessTable;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import dev.firebreak.state.redis.RedisAuditLog;
import dev.firebreak.state.redis.RedisUserAccounts;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Users, roles and the audit trail, wired for the daemon: its routes are the login, user, audit and
 * OpenAPI routes; {@link #handler} is the authentication handler HTTP puts in front of every {@code /api}
 * route, checking the access table made from every route group served.
 */
public final class Auth implements RouteGroup {
    private final UserStore users;
    private final AuditTrail audit;
    private final String openApi;
    private final List<RouteGroup> parts;
    private final SameOrigin sameOrigin;
    private volatile AccessTable table = AccessTable.of(List.of());

    private Auth(UserStore users, AuditTrail audit, String openApi, String publicUrl) {
        this.users = users;
        this.audit = audit;
        this.openApi = openApi;
        this.sameOrigin = new SameOrigin(publicUrl == null ? Set.of() : Set.of(publicUrl));
        LoginThrottle throttle = new LoginThrottle(LoginThrottle.FAILURES, LoginThrottle.WINDOW, System::currentTimeMillis);
        this.parts = List.of(new SessionRoutes(users, audit, throttle), new UserRoutes(users), new AuditRoutes(audit));
    }

    /**
     * Opens the stores on the shared connection and creates the first admin when there are no users.
     * {@code publicUrl} (may be null) is where people reach the console besides the address a request names.
     */
    public static Auth open(StatefulRedisConnection<String, String> connection, String namespace, Path dataDir,
                            String publicUrl) throws IOException {
        UserStore users = new UserStore(new RedisUserAccounts(connection, namespace));
        AdminBootstrap.run(users, dataDir);
        return new Auth(users, new AuditTrail(new RedisAuditLog(connection, namespace, AuditTrail.CAP)), openApiDocument(),
                publicUrl);
    }

    @Override
    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.routes()));
        out.add(Route.get("/api/openapi.yaml", Access.PUBLIC, "this document", this::openApi));
        return out;
    }

    @Override
    public List<AccessTable.Entry> guards() {
        List<AccessTable.Entry> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.guards()));
        return out;
    }

    /** Mount it on {@code /api/*} before any other route: it must run before them all. */
    public Handler<RoutingContext> handler(AccessTable served) {
        this.table = served;
        return new AuthHandler(users, audit, served, sameOrigin);
    }

    public UserStore users() {
        return users;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** The table the handler checks (empty until HTTP made it). */
    public AccessTable table() {
        return table;
    }

    private void openApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi);
    }

    static String openApiDocument() throws IOException {
        try (InputStream in = Auth.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IOException("openapi.yaml is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
