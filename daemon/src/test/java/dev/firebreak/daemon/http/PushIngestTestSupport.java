package dev.firebreak.daemon.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Pushes a body from a plain thread, so event-loop tests need not block. */
final class PushIngestTestSupport {
    private PushIngestTestSupport() { }

    static void push(dev.firebreak.daemon.Firebreak app, String body) {
        HttpClient.newHttpClient().sendAsync(dev.firebreak.daemon.testing.Http.request(app, "/api/ingest")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
