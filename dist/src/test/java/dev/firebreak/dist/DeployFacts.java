package dev.firebreak.dist;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the deploy files must agree with, taken from where it is decided: the daemon's code (a real daemon
 * started once: its routes, where it writes the admin token) and the README's measured memory.
 */
final class DeployFacts {
    record Daemon(SortedSet<String> routes, String adminTokenFile) { }

    private static Daemon daemon;

    private DeployFacts() { }

    /** The port the daemon serves on when the configuration names none. */
    static int defaultPort() {
        return FirebreakConfig.DEFAULT_PORT;
    }

    /** A daemon started on a data directory of its own (private Redis), asked for its routes and admin token. */
    static synchronized Daemon daemon() throws Exception {
        if (daemon == null) {
            Path data = Files.createTempDirectory("fb-deploy-facts");
            FirebreakConfig config = new FirebreakConfig(data, "127.0.0.1", 0, null,
                    List.of(new ConnectorConfig("push", "push", Map.of())), AlertingConfig.BUILTIN);
            try (Firebreak app = Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { }, "fb:"))) {
                Path token = app.dataDir().resolve("admin.token");
                if (!Files.isRegularFile(token)) throw new IOException("the daemon wrote no " + token);
                daemon = new Daemon(app.httpRoutes(), app.dataDir().relativize(token).toString());
            }
        }
        return daemon;
    }

    /** The heap the README measured and the launcher gives, as a JVM option ("-Xmx2g"). */
    static String heapOption() throws IOException {
        Matcher m = Pattern.compile("The launcher starts Java with `(-Xmx\\d+[gm])`").matcher(readme());
        if (!m.find()) throw new IOException("the README no longer says which -Xmx the launcher uses");
        return m.group(1);
    }

    /** The heap in MiB, from {@link #heapOption()}. */
    static long heapMiB() throws IOException {
        String o = heapOption();
        long n = Long.parseLong(o.substring(4, o.length() - 1));
        return o.endsWith("g") ? n * 1024 : n;
    }

    /** The memory the README says to give the process in all, in MiB ("2.5 GB of RAM" → 2560). */
    static long ramMiB() throws IOException {
        Matcher m = Pattern.compile("Give it (\\d+(?:\\.\\d+)?) GB of heap and (\\d+(?:\\.\\d+)?) GB of RAM").matcher(readme());
        if (!m.find()) throw new IOException("the README no longer says how much memory to give Firebreak");
        if (Double.parseDouble(m.group(1)) * 1024 != heapMiB()) {
            throw new IOException("the README's heap (" + m.group(1) + " GB) and its -Xmx (" + heapOption() + ") differ");
        }
        return Math.round(Double.parseDouble(m.group(2)) * 1024);
    }

    private static String readme() throws IOException {
        return Files.readString(UnpackedDist.ROOT.resolve("README.md")).replaceAll("\\s+", " ");
    }
}
