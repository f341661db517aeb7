package dev.firebreak.daemon.config;

import dev.firebreak.delivery.ChannelConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * Where alerts come from and may go: the admin's folder of rule files ({@code rules}; null means
 * the built-in rule pack alone) and the channels configured by name ({@code channels}), which rules
 * may notify besides the built-in audiences {@code agents}, {@code supervisor} and {@code pr-oncall}.
 * {@code channelConfigs} holds each configured channel in full (type, URL, secrets) for delivery.
 */
public record AlertingConfig(Path rulesDir, List<String> channels, List<ChannelConfig> channelConfigs) {
    public static final AlertingConfig BUILTIN = new AlertingConfig(null, List.of());

    public AlertingConfig {
        channels = List.copyOf(channels);
        channelConfigs = List.copyOf(channelConfigs);
    }

    /** Channel names alone (rule checks, replays): nothing to deliver to. */
    public AlertingConfig(Path rulesDir, List<String> channels) {
        this(rulesDir, channels, List.of());
    }
}
