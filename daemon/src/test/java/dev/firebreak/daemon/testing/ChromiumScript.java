package dev.firebreak.daemon.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the browser scripts in {@code src/test/node/} (Debian's headless Chromium driven by
 * playwright-core from deploy/test-tools, launched by {@code chromium.mjs} on a fresh profile) and
 * returns the JSON of its {@code RESULT} line. Screenshots go to {@link #SHOTS}.
 */
public final class ChromiumScript {
    public static final Path SHOTS = Path.of("target/console-screenshots").toAbsolutePath();
    private static final Path TOOLS = Path.of("../deploy/test-tools").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 180;

    private ChromiumScript() { }

    /**
     * Runs {@code script} (a file name in src/test/node) against the daemon at {@code base} with {@code env}
     * added to FB_BASE, FB_SHOTS and FB_TOOLS; fails the test with the script's output if it gives no result.
     */
    public static JsonObject run(String script, String base, Map<String, String> env) throws IOException, InterruptedException {
        requireTools();
        ProcessBuilder pb = new ProcessBuilder("node", Path.of("src/test/node", script).toAbsolutePath().toString())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("FB_BASE", base);
        pb.environment().put("FB_SHOTS", SHOTS.toString());
        pb.environment().put("FB_TOOLS", TOOLS.toString());
        Process node = pb.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail(script + " did not finish in " + TIMEOUT_SECONDS + " s:\n" + out);
        }
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError(script + " exited " + node.exitValue() + ":\n" + out));
        return new JsonObject(line.substring("RESULT ".length()));
    }

    /** Node, Chromium and the npm packages: installed by deploy/test-tools/install, which ./test runs. */
    public static void requireTools() {
        String missing = !Files.isDirectory(TOOLS.resolve("node_modules/playwright-core")) ? TOOLS.resolve("node_modules") + " is missing"
                : !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing"
                : !onPath("node") ? "node is not on the PATH" : null;
        if (missing != null) {
            fail(missing + ": run deploy/test-tools/install (./test does it)");
        }
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
