package dev.firebreak.daemon.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code firebreak run --config FILE} as a process of its own (the test's class path), as an operator runs it:
 * signals reach it, its log is a file, its API is reached with the admin token it writes.
 */
public final class DaemonProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final Path log;
    private final Path dataDir;
    private final int port;

    private DaemonProcess(Process process, Path log, Path dataDir, int port) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static DaemonProcess start(Path config, Path log, Path dataDir, int port) throws IOException {
        Process p = new ProcessBuilder(java(), "-Xmx1g", "-cp", classpath(), "dev.firebreak.daemon.cli.Main", "run",
                "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DaemonProcess d = new DaemonProcess(p, log, dataDir, port);
        Await.until(() -> {
            assertTrue(p.isAlive(), () -> "daemon exited early:\n" + d.tail());
            return d.get("/api/connectors") != null;
        }, Duration.ofMinutes(2), "the daemon to serve /api/connectors");
        return d;
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The last lines of the log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Sends a signal by name ("HUP") with kill(1). */
    public void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor() == 0, "kill -" + name + " failed");
    }

    /** The feeds of {@code /api/connectors}, or null when the daemon does not answer. */
    public JsonArray feeds() {
        String body = get("/api/connectors");
        return body == null ? null : new JsonArray(body);
    }

    /** mentionsFetched of the first feed of {@code connectorId}, -1 when unknown. */
    public long fetched(String connectorId) {
        JsonArray feeds = feeds();
        if (feeds == null) return -1;
        for (int i = 0; i < feeds.size(); i++) {
            if (connectorId.equals(feeds.getJsonObject(i).getString("connector"))) {
                return feeds.getJsonObject(i).getLong("mentionsFetched");
            }
        }
        return -1;
    }

    /** The body of a 200 answer to GET path with the admin token, or null. */
    public String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (Exception notUp) {
            return null;
        }
    }

    /** The status of a POST of JSON with the admin token; throws when the daemon does not answer. */
    public int post(String path, String json) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpRequest.Builder request(String path) throws IOException {
        Path token = dataDir.resolve("admin.token");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5));
        return Files.exists(token) ? b.header("Authorization", "Bearer " + Files.readString(token).trim()) : b;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
