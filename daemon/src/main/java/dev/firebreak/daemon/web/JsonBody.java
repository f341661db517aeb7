package dev.firebreak.daemon.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The one content type of a JSON route's body: {@code application/json}, in UTF-8 (a {@code charset}
 * parameter may say so, or be left out). Anything else is refused with 415 before the body is read,
 * so a form or {@code text/plain} post (what a foreign page can send without asking) never reaches a
 * handler. A request with no body at all needs no type.
 */
final class JsonBody {
    private JsonBody() { }

    static void refuseOtherTypes(RoutingContext ctx) {
        String problem = problem(ctx.request().getHeader("Content-Type"), hasBody(ctx));
        if (problem == null) {
            ctx.next();
        } else {
            Replies.json(ctx, 415, Replies.error(problem));
        }
    }

    /** Why {@code contentType} is refused, or null when it is JSON (or there is no body to type). */
    static String problem(String contentType, boolean hasBody) {
        if (contentType == null || contentType.isBlank()) {
            return hasBody ? "Content-Type: missing; this route takes a JSON body: send Content-Type: application/json" : null;
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            return "Content-Type: expected application/json, got \"" + type + "\": this route takes a JSON body";
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            String name = param[0].strip().toLowerCase(Locale.ROOT);
            String value = param.length < 2 ? "" : param[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (name.equals("charset") && !value.equals("utf-8")) {
                return "Content-Type: charset \"" + value + "\" is not read here: JSON bodies are UTF-8"
                        + " (send charset=utf-8 or no charset)";
            }
        }
        return null;
    }

    /** HTTP/1.1: a body is announced by a non-zero Content-Length or by Transfer-Encoding. */
    private static boolean hasBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        return ctx.request().getHeader("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
