package dev.firebreak.daemon.alerting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The admin's folder of rule files: every {@code *.yaml} / {@code *.yml} in it (not below), read as
 * UTF-8, by file name in name order, and a fingerprint (names, sizes, modification times) that
 * changes when any file is added, removed or edited — how the daemon notices it must reload.
 */
public final class RuleFolder {
    private final Path dir;

    public RuleFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** File name -> content. A folder that is missing or unreadable is an IOException saying so. */
    public Map<String, String> read() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("rules folder " + dir + " does not exist or is not a folder");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Path p : ruleFiles()) {
            files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
        return files;
    }

    /** Changes whenever the set of rule files or any of their contents' size or time changes. */
    public String fingerprint() throws IOException {
        if (!Files.isDirectory(dir)) return "missing";
        StringBuilder b = new StringBuilder();
        for (Path p : ruleFiles()) {
            b.append(p.getFileName()).append('\u0000').append(Files.size(p)).append('\u0000')
                    .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
        return b.toString();
    }

    private List<Path> ruleFiles() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        }
    }
}
