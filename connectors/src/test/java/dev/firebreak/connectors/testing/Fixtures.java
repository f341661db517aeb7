package dev.firebreak.connectors.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recorded platform responses in this module's test resources ({@code fixtures/<platform>/}, copied
 * from the platform notes and documented in {@code fixtures/README.md}). Each file is served with the
 * HTTP status and headers its {@code _index.json} gives.
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() { }

    public static Path root() {
        URL marker = Fixtures.class.getResource("/fixtures/README.md");
        if (marker == null) {
            throw new IllegalStateException("platform fixtures not found on the test classpath (fixtures/README.md)");
        }
        try {
            return Path.of(marker.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("platform fixtures at an unreadable location: " + marker, e);
        }
    }

    public static Path file(String platform, String name) {
        return root().resolve(platform).resolve(name);
    }

    public static JsonNode json(String platform, String name) {
        try {
            return JSON.readTree(file(platform, name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as the platform would send it: status and headers from {@code _index.json}. */
    public static FakeResponse response(String platform, String name) {
        try {
            JsonNode entry = JSON.readTree(file(platform, "_index.json").toFile()).path(name);
            int status = entry.path("http_status").isInt() ? entry.path("http_status").asInt() : 200;
            Map<String, String> headers = new LinkedHashMap<>();
            entry.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            return new FakeResponse(status, headers, Files.readAllBytes(file(platform, name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
