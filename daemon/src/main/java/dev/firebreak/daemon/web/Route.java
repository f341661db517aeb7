package dev.firebreak.daemon.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * One operation a feature serves: method, path (Vert.x syntax, {@code :id}), who may call it, the
 * summary the OpenAPI document gives it, and its handler. {@code bodyLimit} above 0 reads the body
 * first (at most that many bytes, else 413); such a body is JSON ({@code jsonBody}: any other
 * {@code Content-Type} gets 415 before it is read) unless the route {@link #takesAnyBody takes any}.
 * {@code checks} run before the body is read (a route of their own: Vert.x wants the body handler
 * first on a route).
 */
public record Route(String method, String path, Access access, String summary, List<Handler<RoutingContext>> checks,
                    int bodyLimit, boolean jsonBody, Handler<RoutingContext> handler) {
    public Route {
        checks = List.copyOf(checks);
    }

    public static Route get(String path, Access access, String summary, Handler<RoutingContext> handler) {
        return new Route("GET", path, access, summary, List.of(), 0, false, handler);
    }

    public static Route delete(String path, Access access, String summary, Handler<RoutingContext> handler) {
        return new Route("DELETE", path, access, summary, List.of(), 0, false, handler);
    }

    /** A POST whose body is not read. */
    public static Route post(String path, Access access, String summary, Handler<RoutingContext> handler) {
        return new Route("POST", path, access, summary, List.of(), 0, false, handler);
    }

    /** A POST whose body is read first, up to {@code bodyLimit} bytes. */
    public static Route post(String path, Access access, String summary, int bodyLimit, Handler<RoutingContext> handler) {
        return new Route("POST", path, access, summary, List.of(), bodyLimit, true, handler);
    }

    public static Route put(String path, Access access, String summary, int bodyLimit, Handler<RoutingContext> handler) {
        return new Route("PUT", path, access, summary, List.of(), bodyLimit, true, handler);
    }

    /** The same route with {@code check} run first, before the body is read. */
    public Route checkedBy(Handler<RoutingContext> check) {
        return new Route(method, path, access, summary, List.of(check), bodyLimit, jsonBody, handler);
    }

    /** The same route taking a body of any type: for what a platform pushes in its own format (webhooks). */
    public Route takesAnyBody() {
        return new Route(method, path, access, summary, checks, bodyLimit, false, handler);
    }

    /** "GET /api/alerts" */
    public String key() {
        return method + " " + path;
    }

    void mount(Router router) {
        HttpMethod m = HttpMethod.valueOf(method);
        checks.forEach(check -> router.route(m, path).handler(check));
        if (bodyLimit > 0 && jsonBody) {
            router.route(m, path).handler(JsonBody::refuseOtherTypes);     // before the body is read
        }
        io.vertx.ext.web.Route route = router.route(m, path);
        if (bodyLimit > 0) {
            route.handler(BodyHandler.create().setBodyLimit(bodyLimit));
            router.route(m, path).failureHandler(ctx -> {
                if (ctx.statusCode() == 413) {
                    Replies.json(ctx, 413, Replies.error("body is larger than the limit of " + bodyLimit + " bytes"));
                } else {
                    ctx.next();
                }
            });
        }
        route.handler(handler);
    }
}
