package dev.firebreak.connectors.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recorded platform responses in {@code shared/platforms/fixtures/<platform>/}, found by walking
 * up from the working directory (or at {@code -Dfirebreak.fixtures=DIR}). Each file is served with
 * the HTTP status and headers its {@code _index.json} gives.
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() { }

    public static Path root() {
        String override = System.getProperty("firebreak.fixtures");
        if (override != null) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/platforms/fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("platform fixtures not found: expected shared/platforms/fixtures in a parent"
                + " of " + Path.of("").toAbsolutePath() + " (or set -Dfirebreak.fixtures=DIR)");
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
