package dev.firebreak.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start writes an owner-only admin token; a restart keeps the same user and file. */
class AdminBootstrapTest {
    @TempDir
    Path data;

    @Test
    void theFirstStartWritesAnOwnerOnlyAdminTokenThatARestartKeeps() throws Exception {
        String namespace = "test:" + UUID.randomUUID() + ":";
        Path file = data.resolve("admin.token");
        String token;
        FileTime written;
        try (Firebreak app = TestDaemon.pushOnly(data, AnalysisConfig.FIRST_SCORES_ONLY, namespace)) {
            token = Files.readString(file).trim();
            assertTrue(token.matches("fbt_[A-Za-z0-9_-]{43}"), "32 random bytes, base64url, with the prefix");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            written = Files.getLastModifiedTime(file);
            assertEquals("{\"name\":\"admin\",\"role\":\"admin\"}", Http.callAs(app, token, "GET", "/api/me", null).body());
        }
        try (Firebreak again = TestDaemon.pushOnly(data, AnalysisConfig.FIRST_SCORES_ONLY, namespace)) {
            assertEquals(token, Files.readString(file).trim(), "a later start leaves the token alone");
            assertEquals(written, Files.getLastModifiedTime(file));
            assertEquals(200, Http.callAs(again, token, "GET", "/api/users", null).statusCode());
            assertEquals(1, again.auth().users().list().toCompletableFuture().get().size(), "no second admin");
        }
    }


    @Test
    void tokensAreRandomAndKeptAsTheirSha256() {
        String token = Secrets.newToken();
        assertTrue(!Secrets.newToken().equals(token), "random each time");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
    }
}
