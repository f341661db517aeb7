package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.AccessTable;
import dev.firebreak.daemon.web.Replies;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * What is checked of a request line before anything else, so a route never sees it: broken
 * percent-encoding (Vert.x would throw while decoding the parameters, a 500) is a 400 saying where; under
 * {@code /api}, a path no route serves is a 404 and a served path asked with another method a 405 with
 * {@code Allow} — both before authentication, as the OpenAPI document is public anyway.
 */
final class RequestLineCheck {
    private final AccessTable table;

    RequestLineCheck(AccessTable table) {
        this.table = table;
    }

    /** For every request. */
    static void encoding(RoutingContext ctx) {
        Optional<String> problem = percentProblem(ctx.request().uri());
        if (problem.isPresent()) {
            Replies.json(ctx, 400, Replies.error(problem.get()));
            return;
        }
        ctx.next();
    }

    /** For {@code /api/*}. */
    void servedPath(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String method = ctx.request().method().name();
        Set<String> methods = table.methodsServed(path);
        if (methods.isEmpty()) {
            Replies.json(ctx, 404, Replies.error("no API path " + path + " (the API is described at /api/openapi.yaml)"));
        } else if (!methods.contains(method)) {
            ctx.response().putHeader("Allow", String.join(", ", methods));
            Replies.json(ctx, 405, Replies.error(method + " is not served at " + path + "; it takes " + String.join(", ", methods)));
        } else {
            ctx.next();
        }
    }

    /** The first {@code %} not followed by two hex digits, said with where it is, or empty. */
    static Optional<String> percentProblem(String uri) {
        int query = uri.indexOf('?');
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) == '%' && (i + 2 >= uri.length() || !hex(uri.charAt(i + 1)) || !hex(uri.charAt(i + 2)))) {
                boolean inQuery = query >= 0 && i > query;
                String seen = uri.substring(i, Math.min(uri.length(), i + 3));
                return Optional.of("bad percent-encoding in the " + (inQuery ? "query string" : "path") + ": \"" + seen
                        + "\" at character " + (inQuery ? i - query : i + 1) + " is not % and two hex digits (write % as %25)");
            }
        }
        return Optional.empty();
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
