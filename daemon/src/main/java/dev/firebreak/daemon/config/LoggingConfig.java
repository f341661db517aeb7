package dev.firebreak.daemon.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code logging:} keys: {@code format} ({@code text}, lines with an ISO-8601 timestamp, or
 * {@code json}, one object per line), {@code level} for Firebreak's own loggers (and the access log),
 * and {@code levels}, any logger's level by name ({@code edu.stanford: info} to see CoreNLP loading).
 */
public record LoggingConfig(Format format, String level, Map<String, String> levels) {
    public enum Format { TEXT, JSON }

    /** The levels a logger may be set to, as written in the file. */
    public static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");
    public static final LoggingConfig DEFAULT = new LoggingConfig(Format.TEXT, "info", Map.of());

    public LoggingConfig {
        levels = Map.copyOf(levels);
    }
}
