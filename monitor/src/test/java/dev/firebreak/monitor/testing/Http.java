package dev.firebreak.monitor.testing;

import dev.firebreak.monitor.Firebreak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One HTTP call to a test daemon's API. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() { }

    /** {@code body} null sends none; JSON is declared either way. */
    public static HttpResponse<String> call(Firebreak app, String method, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
