package dev.firebreak.connectors.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recorded platform responses in this module's test resources ({@code fixtures/<platform>/}, copied
 * from the platform notes and described in {@code fixtures/README.md}). Each file is served with the
 * HTTP status and headers its {@code _index.json} gives. They are read from the classpath, so the
 * daemon's tests find them inside this module's test jar too.
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() { }

    private static URL url(String platform, String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + platform + "/" + name);
        if (url == null) {
            throw new IllegalStateException("no platform fixture fixtures/" + platform + "/" + name + " on the test classpath");
        }
        return url;
    }

    public static byte[] bytes(String platform, String name) {
        try (InputStream in = url(platform, name).openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as a file: itself when on disk, else a temporary copy (from inside a jar). */
    public static Path file(String platform, String name) {
        URL url = url(platform, name);
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempFile("fixture-", "-" + name);
            copy.toFile().deleteOnExit();
            return Files.write(copy, bytes(platform, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("platform fixture at an unreadable location: " + url, e);
        }
    }

    public static JsonNode json(String platform, String name) {
        try {
            return JSON.readTree(bytes(platform, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as the platform would send it: status and headers from {@code _index.json}. */
    public static FakeResponse response(String platform, String name) {
        JsonNode entry = json(platform, "_index.json").path(name);
        int status = entry.path("http_status").isInt() ? entry.path("http_status").asInt() : 200;
        Map<String, String> headers = new LinkedHashMap<>();
        entry.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new FakeResponse(status, headers, bytes(platform, name));
    }
}
