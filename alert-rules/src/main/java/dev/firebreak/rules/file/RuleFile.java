package dev.firebreak.rules.file;

/** A rule file as the daemon read it: its name (used in error messages) and its text. */
public record RuleFile(String name, String text) { }
