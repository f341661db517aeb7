package dev.firebreak.daemon.cli;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Platform;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration used when none is given: data under {@code ./data}, the bundled demo stream
 * replayed ten times faster than it happened (a mention every few seconds), rebased so that it plays as
 * if it were happening now (its first mention at the first start; restarts keep that shift), push ingest on.
 */
final class DemoConfig {
    static final String DEMO_SPEED = "10";

    /** The demo brand's own account, as its posts in {@code demo/mentions.jsonl} name it. */
    static final BrandAccounts BRAND = new BrandAccounts(Map.of(Platform.WEIBO, Set.of("5968130293")),
            Map.of(Platform.WEIBO, Set.of("暖途官方微博")));

    private DemoConfig() { }

    static FirebreakConfig create(Path dataDir) throws IOException {
        Path demo = dataDir.resolve("demo").resolve("mentions.jsonl");
        Files.createDirectories(demo.getParent());
        try (InputStream in = DemoConfig.class.getResourceAsStream("/demo/mentions.jsonl")) {
            if (in == null) {
                throw new IOException("the demo stream is missing from this build (demo/mentions.jsonl)");
            }
            Files.copy(in, demo, StandardCopyOption.REPLACE_EXISTING);
        }
        return new FirebreakConfig(dataDir, FirebreakConfig.DEFAULT_HOST, FirebreakConfig.DEFAULT_PORT, null,
                List.of(new ConnectorConfig("demo", "replay", Map.of("path", demo.toString(), "speed", DEMO_SPEED,
                        "rebase", "first-start")),
                        new ConnectorConfig("push", "push", Map.of())),
                AlertingConfig.BUILTIN, AnalysisConfig.DEFAULT).withBrand(BRAND);
    }
}
