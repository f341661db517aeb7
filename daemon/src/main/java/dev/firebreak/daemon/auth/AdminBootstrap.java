package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start with no users creates user {@code admin} and writes its token to
 * {@code <dataDir>/admin.token}, readable by its owner only; the log says where, never what.
 * Later starts find users and leave everything as it is.
 */
final class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String FILE = "admin.token";

    private AdminBootstrap() { }

    static void run(UserStore users, Path dataDir) throws IOException {
        try {
            if (users.count().toCompletableFuture().get(10, TimeUnit.SECONDS) > 0) {
                return;
            }
            Optional<String> token = users.create("admin", Role.ADMIN).toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (token.isEmpty()) {
                return;     // another daemon on the same Redis made it first
            }
            Path file = dataDir.resolve(FILE);
            try {
                writeOwnerOnly(file, token.get() + "\n");
            } catch (IOException e) {
                users.delete("admin").toCompletableFuture().get(10, TimeUnit.SECONDS);    // else nobody could log in
                throw new IOException("cannot write the admin token to " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
            LOG.info("No users yet: created user \"admin\" (role admin). Its API token is in {} (readable by its owner"
                    + " only); use it as \"Authorization: Bearer <token>\" or to log in to the console.", file.toAbsolutePath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the first admin", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot read or create users in Redis: " + e.getMessage(), e);
        }
    }

    /** Written to a private temporary file first, so the token is never readable by others, even briefly. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
