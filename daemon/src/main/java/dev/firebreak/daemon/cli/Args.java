package dev.firebreak.daemon.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments: {@code --name value} options from a known set, and positional ones. */
public final class Args {
    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    public Args(String command, String[] argv, int from, Set<String> known) throws UsageException {
        this(command, argv, from, known, Set.of());
    }

    /** {@code flags} are the known options that take no value ({@code --no-corenlp}). */
    public Args(String command, String[] argv, int from, Set<String> known, Set<String> flags) throws UsageException {
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--help") || a.equals("-h")) {
                options.computeIfAbsent("help", k -> new ArrayList<>()).add("true");
            } else if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!known.contains(name)) {
                    throw new UsageException(command + ": unknown option --" + name);
                }
                if (value == null && flags.contains(name)) {
                    value = "true";
                } else if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw new UsageException(command + ": option --" + name + " needs a value");
                    }
                    value = argv[++i];
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                positional.add(a);
            }
        }
    }

    public boolean help() {
        return options.containsKey("help");
    }

    /** The option's value; given more than once, the last one. */
    public String get(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    /** Every value of a repeatable option, in order (empty if not given). */
    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    public boolean flag(String name) {
        return "true".equals(get(name));
    }

    /** A whole number of at least 1, or {@code fallback} when the option is absent. */
    public static int positiveInt(String command, String option, String value, int fallback) throws UsageException {
        if (value == null) return fallback;
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(command + ": " + option + ": expected a whole number of at least 1, got \"" + value + "\"");
    }

    public List<String> positional() {
        return positional;
    }

    /** A command line that cannot be run; the message is the one line printed on stderr. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }
}
