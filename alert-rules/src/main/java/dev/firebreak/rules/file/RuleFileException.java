package dev.firebreak.rules.file;

import java.util.List;

/** Rule files that cannot be used, with every problem found, each as {@code file:line:col: message}. */
public final class RuleFileException extends Exception {
    private final List<String> problems;

    public RuleFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
