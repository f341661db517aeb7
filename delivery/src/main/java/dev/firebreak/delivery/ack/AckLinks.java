package dev.firebreak.delivery.ack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links that let someone acknowledge one alert from a robot message without
 * logging in: the signature is the authority. A token is {@code base64url(alertId).expiresEpochSeconds.
 * base64url(HMAC-SHA256(key, the first two parts))}; the key is the server's own, made once and kept.
 */
public final class AckLinks {
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final byte[] key;
    private final java.util.function.Supplier<String> consoleBase;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param key         at least 32 bytes of the server's secret
     * @param consoleBase where the console is served, e.g. {@code https://firebreak.example.com}; asked each
     *                    time a link is made (the daemon knows its port only once it listens)
     */
    public AckLinks(byte[] key, java.util.function.Supplier<String> consoleBase, Duration ttl, Clock clock) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the acknowledge-link key must be at least 32 bytes");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the acknowledge-link lifetime must be positive, got " + ttl);
        }
        this.key = key.clone();
        this.consoleBase = consoleBase;
        this.ttl = ttl;
        this.clock = clock;
    }

    public AckLinks(byte[] key, String consoleBase, Duration ttl, Clock clock) {
        this(key, () -> consoleBase, ttl, clock);
    }

    public AckLinks(byte[] key, String consoleBase) {
        this(key, consoleBase, DEFAULT_TTL, Clock.systemUTC());
    }

    public AckLinks(byte[] key, java.util.function.Supplier<String> consoleBase) {
        this(key, consoleBase, DEFAULT_TTL, Clock.systemUTC());
    }

    /** The console's address (no trailing slash), for "see the console" links. */
    public String consoleBase() {
        String base = consoleBase.get();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A console page (path starting with {@code /}). */
    public String console(String path) {
        return consoleBase() + path;
    }

    /** The full acknowledge link for an alert: {@code <consoleBase>/ack/<token>}. */
    public String url(String alertId) {
        return consoleBase() + "/ack/" + token(alertId);
    }

    public String token(String alertId) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = B64.encodeToString(alertId.getBytes(StandardCharsets.UTF_8)) + "." + expires;
        return payload + "." + B64.encodeToString(sign(payload));
    }

    /** The alert a token is for, if it is whole, ours and not expired; {@link AckLinkException} says why not. */
    public Verified verify(String token) throws AckLinkException {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[1].matches("\\d{1,12}")) {
            throw new AckLinkException(AckLinkException.Reason.MALFORMED,
                    "this is not an acknowledge link: it should have three parts separated by dots");
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(given, sign(parts[0] + "." + parts[1]))) {
            throw new AckLinkException(AckLinkException.Reason.TAMPERED,
                    "this link was altered or was not made by this Firebreak: its signature does not match");
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (!clock.instant().isBefore(expires)) {
            throw new AckLinkException(AckLinkException.Reason.EXPIRED, "this link expired at "
                    + SHANGHAI.format(expires) + " (Asia/Shanghai); acknowledge the alert in the console instead");
        }
        return new Verified(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8), expires);
    }

    /** A verified link: the alert it acknowledges and when it stops working. */
    public record Verified(String alertId, Instant expiresAt) { }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
