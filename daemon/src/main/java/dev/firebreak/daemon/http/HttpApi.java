package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.AccessLog;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.daemon.web.AccessTable;
import dev.firebreak.daemon.auth.Auth;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HTTP server. It owns no route: it mounts the groups the features declare, behind the
 * authentication handler, which checks the access table made from the same declarations.
 */
public final class HttpApi extends VerticleBase {
    private final String host;
    private final int port;
    private final List<RouteGroup> groups;
    private final Auth auth;
    private HttpServer server;
    private Router router;

    /** {@code auth}'s own routes (login, users, audit, the OpenAPI document) are served too. */
    public HttpApi(String host, int port, Auth auth, List<? extends RouteGroup> groups) {
        this.host = host;
        this.port = port;
        this.auth = auth;
        List<RouteGroup> all = new ArrayList<>();
        all.add(auth);
        all.addAll(groups);
        this.groups = List.copyOf(all);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        this.router = router;
        router.route().handler(new AccessLog());     // a line per request, once it is answered
        AccessTable table = AccessTable.of(groups);
        RequestLineCheck lineCheck = new RequestLineCheck(table);
        router.route().handler(RequestLineCheck::encoding);
        router.route("/api/*").handler(lineCheck::servedPath);             // 404 / 405 before asking who calls
        router.route("/api/*").handler(auth.handler(table));               // then every /api route is behind it
        groups.forEach(g -> g.mount(router));
        router.route().failureHandler(HttpApi::failure);
        return vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> server = s);
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /**
     * Every route with a method and a path, as "GET /api/alerts/:id/lifecycle", a prefix route as
     * "GET /console/*" (Vert.x reports only its prefix; the OpenAPI test walks them).
     */
    public SortedSet<String> routes() {
        SortedSet<String> out = new TreeSet<>();
        for (io.vertx.ext.web.Route r : router.getRoutes()) {
            if (r.methods() != null && r.getPath() != null) {
                String path = r.isExactPath() ? r.getPath() : r.getPath() + "*";
                r.methods().forEach(m -> out.add(m.name() + " " + path));
            }
        }
        return out;
    }

    /** What each declared route says it does, by "METHOD /path" (the OpenAPI document says the same). */
    public SortedMap<String, String> summaries() {
        SortedMap<String, String> out = new TreeMap<>();
        groups.forEach(g -> g.routes().forEach(r -> out.put(r.key(), r.summary())));
        return out;
    }

    private static void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String message = status == 413 ? "body is larger than this route accepts"
                : ctx.failure() == null ? "request failed" : ctx.failure().getMessage();
        if (!ctx.response().ended()) {
            Replies.json(ctx, status, Replies.error(message));
        }
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
