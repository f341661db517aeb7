package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo (no configuration) replays the bundled stream ten times faster, rebased to the first start. */
class DemoConfigTest {
    @TempDir
    Path data;

    @Test
    void theDemoStreamIsRebasedToTheFirstStart() throws Exception {
        FirebreakConfig config = DemoConfig.create(data);
        ConnectorConfig demo = config.connectors().get(0);
        assertEquals("replay", demo.type());
        assertEquals("first-start", demo.values().get("rebase"));
        assertEquals("10", demo.values().get("speed"));
        assertEquals(80, Files.readAllLines(Path.of(String.valueOf(demo.values().get("path")))).stream()
                .filter(l -> !l.isBlank()).count());
    }
}
