package dev.firebreak.daemon.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API tokens and session ids: random, shown once, kept only as SHA-256 hashes. */
final class Secrets {
    static final String TOKEN_PREFIX = "fbt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() { }

    /** {@code fbt_} and 32 random bytes, base64url: the prefix lets secret scanners and people recognise it. */
    static String newToken() {
        return TOKEN_PREFIX + random(32);
    }

    static String newSessionId() {
        return random(32);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
