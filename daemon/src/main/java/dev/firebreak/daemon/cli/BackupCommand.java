package dev.firebreak.daemon.cli;

import dev.firebreak.daemon.backup.CopyProgress;
import dev.firebreak.daemon.config.ConfigLoader;
import dev.firebreak.daemon.config.FirebreakConfig;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code firebreak backup DIR}: asks the running daemon for an online backup into DIR, and shows its progress. */
final class BackupCommand {
    static final String HELP = """
            Usage: firebreak backup DIR [--config FILE] [--data DIR] [--url URL] [--token-file FILE]

            Backs up a running daemon, online: a snapshot of the index and of the Redis state, taken between
            two batches so they agree, written into DIR (a new or empty folder; the daemon writes it, so it
            must be a path on the daemon's machine) with a manifest.json. Restore it with 'firebreak restore'.

              --config FILE      the daemon's firebreak.yaml: its HTTP port and data directory
              --data DIR         the daemon's data directory, for admin.token (default: the config's, or ./data)
              --url URL          the daemon (default: http://127.0.0.1 and the config's port, or 8080)
              --token-file FILE  an admin token (default: DATA/admin.token)
            """;

    private BackupCommand() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("backup", argv, 1, Set.of("config", "data", "url", "token-file"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        if (args.positional().size() != 1) {
            throw new Args.UsageException("backup: expected one folder to back up into (firebreak backup DIR)");
        }
        FirebreakConfig config = args.get("config") == null ? null : ConfigLoader.load(Path.of(args.get("config")));
        Path data = Path.of(args.get("data") != null ? args.get("data") : config != null ? config.dataDir().toString() : "./data");
        Path tokenFile = Path.of(args.get("token-file") != null ? args.get("token-file") : data.resolve("admin.token").toString());
        if (!Files.isReadable(tokenFile)) {
            throw new Args.UsageException("backup: cannot read the admin token in " + tokenFile.toAbsolutePath()
                    + " (give --token-file, or --data the daemon's data directory)");
        }
        String url = args.get("url") != null ? args.get("url")
                : "http://127.0.0.1:" + (config != null ? config.httpPort() : 8080);
        Path dir = Path.of(args.positional().get(0)).toAbsolutePath().normalize();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/admin/backup"))
                .header("Authorization", "Bearer " + Files.readString(tokenFile).trim())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("dir", dir.toString()).encode())).build();
        HttpResponse<InputStream> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.io.IOException e) {
            System.err.println("firebreak backup: no daemon answers at " + url + " (" + e + ")");
            return 1;
        }
        return follow(response, dir);
    }

    /** Reads the streamed answer: progress lines, then the manifest or the error. */
    private static int follow(HttpResponse<InputStream> response, Path dir) throws Exception {
        try (CopyProgress progress = new CopyProgress("backup", System.err);
             BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            JsonObject last = null;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                last = new JsonObject(line);
                if (last.containsKey("copied")) {
                    progress.copied(last.getLong("copied"), last.getLong("total"));
                }
            }
            if (response.statusCode() != 200 || last == null || !last.containsKey("manifest")) {
                String why = last == null ? "no answer" : last.getString("error", last.encode());
                System.err.println("firebreak backup: " + response.statusCode() + " " + why);
                return 1;
            }
            JsonObject m = last.getJsonObject("manifest");
            System.out.println("Backed up " + m.getJsonObject("index").getLong("mentions") + " mentions and the Redis state ("
                    + m.getJsonObject("redis").getString("kind") + ") to " + dir);
            return 0;
        }
    }
}
