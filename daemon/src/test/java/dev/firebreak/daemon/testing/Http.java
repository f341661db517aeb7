package dev.firebreak.daemon.testing;

import dev.firebreak.daemon.Firebreak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

/** One HTTP call to a test daemon's API, as its first admin unless a token is given. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() { }

    /** One call, for tests that time it. */
    @FunctionalInterface
    public interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** {@code body} null sends none; JSON is declared either way. Authenticated with the admin token. */
    public static HttpResponse<String> call(Firebreak app, String method, String path, String body) throws Exception {
        return callAs(app, adminToken(app), method, path, body);
    }

    /** As {@link #call}, with {@code token} (null: no Authorization header at all). */
    public static HttpResponse<String> callAs(Firebreak app, String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to {@code path} carrying the admin token, for tests that send it themselves. */
    public static HttpRequest.Builder request(Firebreak app, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                .header("Authorization", "Bearer " + adminToken(app));
    }

    /** The token the daemon wrote to {@code <dataDir>/admin.token} on its first start. */
    public static String adminToken(Firebreak app) {
        try {
            return Files.readString(app.dataDir().resolve("admin.token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the daemon wrote no admin.token in " + app.dataDir(), e);
        }
    }
}
