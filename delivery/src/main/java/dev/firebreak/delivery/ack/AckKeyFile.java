package dev.firebreak.delivery.ack;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The server key that signs acknowledge links, made once and kept in a file readable by its owner
 * only, so links in messages already sent keep working across restarts.
 */
public final class AckKeyFile {
    private static final int KEY_BYTES = 32;

    private AckKeyFile() { }

    public static byte[] loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(file, key, StandardOpenOption.TRUNCATE_EXISTING);
                return key;
            } catch (FileAlreadyExistsException raced) {
                // another start made it first: read theirs
            } catch (UnsupportedOperationException notPosix) {
                Files.write(file, key, StandardOpenOption.CREATE_NEW);
                return key;
            }
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length < KEY_BYTES) {
            throw new IOException("the acknowledge-link key " + file + " holds " + key.length
                    + " bytes; it needs " + KEY_BYTES + " (delete it to make a new one: links already sent stop working)");
        }
        return key;
    }
}
