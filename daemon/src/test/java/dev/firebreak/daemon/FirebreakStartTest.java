package dev.firebreak.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.state.redis.testing.TestRedis;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the components in order: a failed start throws what the component threw and stops the ones before it. */
class FirebreakStartTest {
    @TempDir
    Path data;

    private FirebreakConfig config(int port) {
        return new FirebreakConfig(data, "127.0.0.1", port, TestRedis.externalUri(),
                List.of(new ConnectorConfig("push", "push", Map.of())), AlertingConfig.BUILTIN, AnalysisConfig.FIRST_SCORES_ONLY);
    }

    private Firebreak start(int port) throws Exception {
        return Firebreak.start(config(port), new Firebreak.Options(true, List.of(), p -> { },
                "test:" + java.util.UUID.randomUUID() + ":"));
    }

    @Test
    void aPortInUseFailsTheStartAndWhatStartedBeforeIsStoppedAgain() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            IOException e = assertThrows(IOException.class, () -> start(taken.getLocalPort()));
            assertTrue(e.getMessage().startsWith("cannot serve HTTP on 127.0.0.1:" + taken.getLocalPort() + ": "), e.getMessage());
        }
        // The data directory lock, Redis, the index... were stopped in reverse: the directory is free again.
        try (Firebreak app = start(0)) {
            assertEquals(200, dev.firebreak.daemon.testing.Http.callAs(app, null, "GET", "/health", null).statusCode());
        }
    }

    @Test
    void aSecondDaemonOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsServing() throws Exception {
        try (Firebreak first = start(0)) {
            IOException e = assertThrows(IOException.class, () -> start(0));
            assertEquals("another Firebreak is running on the data directory " + data.toAbsolutePath(), e.getMessage());
            assertEquals(200, dev.firebreak.daemon.testing.Http.callAs(first, null, "GET", "/health", null).statusCode());
        }
    }
}
