package dev.firebreak.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The distribution archive holds what an installation needs, and its launcher runs without Maven or a build. */
class DistributionIT {

    @Test
    void theArchiveHoldsTheLauncherTheJarsTheExampleConfigurationAndWhatItNames() throws Exception {
        Map<String, Integer> entries = UnpackedDist.entries();
        String base = "firebreak-" + UnpackedDist.VERSION + "/";
        for (String file : List.of("bin/firebreak", "lib/firebreak.jar", "lib/firebreak-tools.jar", "firebreak.example.yaml",
                "README.md", "README.txt", "deploy/brands.txt", "deploy/demo/mentions.jsonl", "deploy/rules/example.yaml",
                "deploy/firebreak.service", "deploy/Dockerfile", "deploy/compose.yaml", "deploy/k8s/statefulset.yaml")) {
            assertTrue(entries.containsKey(base + file), "the archive has no " + base + file + "; it has " + entries.keySet());
        }
        assertEquals(0755, entries.get(base + "bin/firebreak") & 0777, "bin/firebreak must be executable");
        assertTrue(entries.keySet().stream().allMatch(e -> e.startsWith(base) || e.equals(base.substring(0, base.length() - 1))),
                "every entry sits under " + base + ": " + entries.keySet());
        // The example configuration's relative paths (./deploy/...) resolve inside the unpacked folder.
        String example = Files.readString(UnpackedDist.home().resolve("firebreak.example.yaml"));
        for (var m = java.util.regex.Pattern.compile("(?m)^[^#\\n]*?\\./(deploy/[\\w./-]+)").matcher(example); m.find(); ) {
            assertTrue(Files.exists(UnpackedDist.home().resolve(m.group(1))), "the example configuration names ./" + m.group(1)
                    + ", which the archive does not hold");
        }
    }

    @Test
    void theInstalledLauncherPrintsTheVersion() throws Exception {
        for (String flag : List.of("--version", "-V")) {
            ProcessBuilder pb = new ProcessBuilder(UnpackedDist.home().resolve("bin/firebreak").toString(), flag)
                    .directory(Files.createTempDirectory("fb-version").toFile()).redirectErrorStream(true);
            // The Java of the JVM running the test; run from an empty folder, outside any checkout.
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().remove("FIREBREAK_JAVA_OPTS");
            Process p = pb.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/firebreak " + flag + " did not finish");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, p.exitValue(), "bin/firebreak " + flag + " failed: " + out);
            assertEquals("firebreak " + UnpackedDist.VERSION, out);
        }
    }

    @Test
    void theLauncherDefaultsTheHeapAsTheReadmeSays() throws Exception {
        String launcher = Files.readString(UnpackedDist.home().resolve("bin/firebreak"));
        assertTrue(launcher.contains("${FIREBREAK_JAVA_OPTS:-" + DeployFacts.heapOption() + "}"),
                "bin/firebreak's default JVM options are not " + DeployFacts.heapOption());
        assertTrue(!launcher.contains("mvn "), "the installed launcher must not build");
        Path checkout = UnpackedDist.ROOT.resolve("firebreak");
        assertTrue(Files.readString(checkout).contains("${FIREBREAK_JAVA_OPTS:-" + DeployFacts.heapOption() + "}"),
                "the checkout's launcher defaults to another heap");
    }
}
