package dev.firebreak.tools;

import dev.firebreak.daemon.cli.Args;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the training and benchmark commands read their labelled data: the {@code --data} option when
 * given, else the project's shared data ({@code shared/data/...} beside the checkout), found from the
 * current folder or the nearest parent that has it. Either way the command says on stderr which it reads.
 */
public final class SharedData {
    private SharedData() { }

    /**
     * {@code option} (the value of {@code --data}, which must exist) or {@code shared/<relative>};
     * {@code expected} names what --data takes in the error ("DIR", "FILE").
     */
    public static Path resolve(String command, String option, String relative, String expected) throws Args.UsageException {
        Path path;
        if (option != null) {
            path = Path.of(option);
            if (!Files.exists(path)) throw new Args.UsageException(command + ": --data " + option + ": no such file or directory");
        } else {
            path = find(relative);
            if (path == null) {
                throw new Args.UsageException(command + ": no shared/" + relative + " in " + Path.of("").toAbsolutePath()
                        + " or any parent folder; give the data with --data " + expected);
            }
        }
        System.err.println(command + ": reading data from " + path.toAbsolutePath().normalize()
                + (option == null ? " (found walking up from the current folder; --data overrides)" : ""));
        return path;
    }

    /** {@code shared/<relative>} in the current folder or a parent, or null. */
    static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) return candidate;
        }
        return null;
    }
}
