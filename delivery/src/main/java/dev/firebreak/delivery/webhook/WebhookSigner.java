package dev.firebreak.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed with
 * the base64-decoded part of a {@code whsec_} secret; one signature per secret, space-separated, so
 * a receiver part-way through a key rotation verifies with either key.
 */
public final class WebhookSigner {
    public static final String PREFIX = "whsec_";

    private WebhookSigner() { }

    public static String signatures(String msgId, long timestampSeconds, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook endpoint needs at least one whsec_ secret to sign with");
        }
        return secrets.stream().map(s -> "v1," + sign(msgId, timestampSeconds, body, s)).collect(Collectors.joining(" "));
    }

    static String sign(String msgId, long timestampSeconds, String body, String secret) {
        byte[] key = key(secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((msgId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** A fresh secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return PREFIX + Base64.getEncoder().encodeToString(b);
    }

    private static byte[] key(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
