package dev.firebreak.daemon.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared data ({@code shared/data/...} beside the checkout), found from the current
 * folder or the nearest parent that has it: the labelled sets the training and benchmark commands read.
 */
final class SharedData {
    private SharedData() { }

    /** {@code shared/<relative>} in the current folder or a parent, or null. */
    static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) return candidate;
        }
        return null;
    }
}
