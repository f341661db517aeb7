package dev.firebreak.monitor.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where alerts come from and may go: the admin's folder of rule files ({@code rules}; null means
 * the built-in rule pack alone) and the channels configured by name ({@code channels}), which rules
 * may notify besides the built-in audiences {@code agents}, {@code supervisor} and {@code pr-oncall}.
 */
public record AlertingConfig(Path rulesDir, List<String> channels) {
    public static final AlertingConfig BUILTIN = new AlertingConfig(null, List.of());

    public AlertingConfig {
        channels = List.copyOf(channels);
    }
}
