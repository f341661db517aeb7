package dev.firebreak.tools.train;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The held-out dev split: a text is dev when md5("firebreak-dev|" + text), read as an unsigned
 * big-endian number, is 0 modulo 10 — about 10% of every file, the same texts every run, and an
 * identical text lands on the same side in every file. Dev texts are never trained on.
 */
public final class DevSplit {
    private DevSplit() { }

    public static boolean isDev(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest(("firebreak-dev|" + text).getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest).mod(BigInteger.TEN).signum() == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
