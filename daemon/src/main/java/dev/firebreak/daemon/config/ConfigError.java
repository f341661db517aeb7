package dev.firebreak.daemon.config;

import java.util.List;

/** A configuration file that cannot be used, with every problem found, each as {@code file:line:col: message}. */
public final class ConfigError extends Exception {
    private final List<String> problems;

    public ConfigError(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
