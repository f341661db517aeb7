package dev.firebreak.daemon.auth;

import dev.firebreak.state.redis.RedisAuditLog;
import dev.firebreak.state.redis.RedisUserAccounts;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Users, roles and the audit trail, wired for the daemon: {@link #mount} puts the authentication
 * handler in front of every {@code /api} route and adds the login, user, audit and OpenAPI routes.
 */
public final class Auth {
    private final UserStore users;
    private final AuditTrail audit;
    private final AccessTable table = AccessTable.standard();
    private final String openApi;

    private Auth(UserStore users, AuditTrail audit, String openApi) {
        this.users = users;
        this.audit = audit;
        this.openApi = openApi;
    }

    /** Opens the stores on the shared connection and creates the first admin when there are no users. */
    public static Auth open(StatefulRedisConnection<String, String> connection, String namespace, Path dataDir)
            throws IOException {
        UserStore users = new UserStore(new RedisUserAccounts(connection, namespace));
        AdminBootstrap.run(users, dataDir);
        return new Auth(users, new AuditTrail(new RedisAuditLog(connection, namespace, AuditTrail.CAP)), openApiDocument());
    }

    /** Call first, before any other route is added: the handler must run before them all. */
    public void mount(Router router) {
        router.route("/api/*").handler(new AuthHandler(users, audit, table));
        new SessionRoutes(users, audit).mount(router);
        new UserRoutes(users).mount(router);
        new AuditRoutes(audit).mount(router);
        router.get("/api/openapi.yaml").handler(this::openApi);
    }

    public UserStore users() {
        return users;
    }

    public AuditTrail audit() {
        return audit;
    }

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
