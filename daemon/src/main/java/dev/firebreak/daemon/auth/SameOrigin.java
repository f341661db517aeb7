package dev.firebreak.daemon.auth;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a write sent with the console's session cookie comes from (cross-site request forgery): a
 * browser sends {@code Origin} with every POST, PUT, PATCH and DELETE (and {@code Referer} where an old
 * one does not), and it must be the console's own: the host and port the request was sent to, or the
 * configured {@code http.publicUrl} (a proxy in front may rewrite {@code Host}). A write with neither
 * header is refused too: a browser always says, and scripts use a bearer token, which no other page
 * can make a browser send.
 */
final class SameOrigin {
    private final Set<String> allowed;

    /** {@code publicUrls}: addresses the console is also reached at, such as {@code https://firebreak.example.com}. */
    SameOrigin(Set<String> publicUrls) {
        this.allowed = publicUrls.stream().map(SameOrigin::origin).filter(o -> o != null).collect(Collectors.toUnmodifiableSet());
    }

    /** Why the request is refused, or null when it comes from the console. */
    String refusal(HttpServerRequest request) {
        String claimed = request.getHeader("Origin");
        String header = "Origin";
        if (claimed == null || claimed.isBlank()) {
            claimed = request.getHeader("Referer");
            header = "Referer";
        }
        if (claimed == null || claimed.isBlank()) {
            return "a write with the session cookie must come from the console, and this one says nowhere"
                    + " (no Origin or Referer header); send \"Authorization: Bearer <token>\" from scripts";
        }
        String origin = origin(claimed);
        if (origin != null && (allowed.contains(origin) || sameAsHost(origin, request.authority()))) {
            return null;
        }
        return "origin refused: " + header + " " + (origin == null ? "\"" + claimed + "\"" : origin)
                + " is not this console's (" + (request.authority() == null ? "no Host" : request.authority().toString())
                + "); a write with the session cookie must come from the console's own pages";
    }

    /** {@code scheme://host:port} of a URL, the port always written, or null when it is no http(s) URL. */
    static String origin(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
            return scheme + "://" + bare(uri.getHost()) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The request's own Host; one without a port stands for the origin scheme's default port. */
    private static boolean sameAsHost(String origin, HostAndPort host) {
        if (host == null || host.host() == null) {
            return false;
        }
        String scheme = origin.substring(0, origin.indexOf(':'));
        int port = host.port() >= 0 ? host.port() : defaultPort(scheme);
        return origin.equals(scheme + "://" + bare(host.host()) + ":" + port);
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
