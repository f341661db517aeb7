package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.daemon.config.FirebreakConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --port and --data count whether the daemon runs the demo (no --config) or a configuration file. */
class RunCommandConfigTest {
    private static FirebreakConfig startConfig(String... argv) throws Exception {
        String[] all = new String[argv.length + 1];
        all[0] = "run";
        System.arraycopy(argv, 0, all, 1, argv.length);
        return RunCommand.startConfig(new Args("run", all, 1, Set.of("config", "port", "data")));
    }

    @Test
    void theDemoTakesPortAndDataFromTheCommandLine(@TempDir Path dir) throws Exception {
        FirebreakConfig config = startConfig("--port", "18081", "--data", dir.toString());
        assertEquals(18081, config.httpPort());
        assertEquals(dir, config.dataDir());
    }

    @Test
    void aConfigurationFileTakesThemToo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("firebreak.yaml"), "http: {port: 9000}\n");
        FirebreakConfig config = startConfig("--config", file.toString(), "--port", "18082", "--data", dir.resolve("d").toString());
        assertEquals(18082, config.httpPort());
        assertEquals(dir.resolve("d"), config.dataDir());
        assertEquals(9000, startConfig("--config", file.toString()).httpPort());
    }
}
