package dev.firebreak.tools.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No module holds more than 40 % of the main Java lines: one that grows past that is the old monolith again. */
class ModuleSizeTest {
    private static final double MAX_SHARE = 0.40;

    @Test
    void noModuleHoldsMoreThanFortyPercentOfTheMainCode() throws IOException {
        Map<String, Long> lines = mainJavaLines(repositoryRoot());
        assertTrue(lines.size() > 5, "expected the modules under " + repositoryRoot() + ", found " + lines.keySet());
        long total = lines.values().stream().mapToLong(Long::longValue).sum();
        List<String> tooBig = new ArrayList<>();
        lines.forEach((module, n) -> {
            double share = (double) n / total;
            if (share > MAX_SHARE) {
                tooBig.add(String.format(Locale.ROOT, "%s holds %.1f %% (%d of %d lines)", module, 100 * share, n, total));
            }
        });
        assertTrue(tooBig.isEmpty(), "modules over " + (int) (100 * MAX_SHARE) + " % of the main Java lines: " + tooBig
                + "; all: " + lines);
    }

    /** The folder with the top pom (the one listing the modules), from the tools module's folder or a parent. */
    static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>tools</module>")) return dir;
        }
        throw new IOException("no top pom.xml listing the tools module above " + Path.of("").toAbsolutePath());
    }

    /** Lines of every .java file under each module's src/main/java, by module folder. */
    static Map<String, Long> mainJavaLines(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                long n = 0;
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        try (Stream<String> l = Files.lines(f)) {
                            n += l.count();
                        }
                    }
                }
                out.put(module.getFileName().toString(), n);
            }
        }
        return out;
    }
}
