package dev.firebreak.rules.model;

/**
 * What one alert is about. {@code story} (default): the mention's story; every story-grouped rule
 * shares one open alert per story. {@code author}: one alert per rule and author. {@code rule}: one
 * alert per rule.
 */
public enum Grouping {
    STORY, AUTHOR, RULE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
