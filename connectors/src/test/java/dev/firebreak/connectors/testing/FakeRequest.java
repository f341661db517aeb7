package dev.firebreak.connectors.testing;

import java.util.Map;

/** A request the fake platform received: query values decoded, header names lower-case. */
public record FakeRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          String body) {
    public String q(String name) {
        return query.get(name);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
