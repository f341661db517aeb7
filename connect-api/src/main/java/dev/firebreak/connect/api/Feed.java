package dev.firebreak.connect.api;

/**
 * One independent stream of work inside a connector (an account's mentions, one file). The runtime
 * keeps one cursor per feed, under {@link #key()}.
 */
public record Feed(String connectorId, String name) {
    public String key() {
        return connectorId + "/" + name;
    }
}
