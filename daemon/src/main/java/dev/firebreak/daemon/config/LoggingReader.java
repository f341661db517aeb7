package dev.firebreak.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The {@code logging:} section, each wrong value a problem at its key ({@code logging.format: expected
 * text or json, got "xml"}); what is wrong falls back to the default so every problem is reported at once.
 */
final class LoggingReader {
    private final BiConsumer<String, String> problem;

    LoggingReader(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

    /** {@code node} is the section (an empty mapping when absent). */
    LoggingConfig read(JsonNode node) {
        LoggingConfig.Format format = format(node.get("format"));
        String level = level(node.get("level"), "/logging/level", "logging.level");
        Map<String, String> levels = new LinkedHashMap<>();
        JsonNode map = node.get("levels");
        if (map != null && !map.isNull()) {
            if (!map.isObject()) {
                problem.accept("/logging/levels", "logging.levels: expected a mapping of logger name to level, like edu.stanford: info");
            } else {
                map.fields().forEachRemaining(e -> {
                    String at = "/logging/levels/" + e.getKey().replace("~", "~0").replace("/", "~1");
                    levels.put(e.getKey(), level(e.getValue(), at, "logging.levels." + e.getKey()));
                });
            }
        }
        return new LoggingConfig(format, level, levels);
    }

    private LoggingConfig.Format format(JsonNode n) {
        if (n == null || n.isNull()) {
            return LoggingConfig.Format.TEXT;
        }
        return switch (n.asText().toLowerCase(Locale.ROOT)) {
            case "text" -> LoggingConfig.Format.TEXT;
            case "json" -> LoggingConfig.Format.JSON;
            default -> {
                problem.accept("/logging/format", "logging.format: expected text or json, got \"" + n.asText() + "\"");
                yield LoggingConfig.Format.TEXT;
            }
        };
    }

    private String level(JsonNode n, String at, String name) {
        if (n == null || n.isNull()) {
            return "info";
        }
        String value = n.asText().toLowerCase(Locale.ROOT);
        if (!n.isValueNode() || !LoggingConfig.LEVELS.contains(value)) {
            problem.accept(at, name + ": expected one of " + String.join(", ", LoggingConfig.LEVELS) + ", got \"" + n.asText() + "\"");
            return "info";
        }
        return value;
    }
}
