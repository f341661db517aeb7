package dev.firebreak.delivery.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Signed, expiring acknowledge links: made, verified, refused when altered, foreign or old. */
class AckLinksTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    private static AckLinks at(Instant now, byte[] key) {
        return new AckLinks(key, "https://fb.example.com/", Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aLinkVerifiesToItsAlertUntilItExpires() throws Exception {
        String url = at(NOW, KEY).url("safety-complaint:story-7:3");
        assertTrue(url.startsWith("https://fb.example.com/ack/"), url);
        String token = url.substring("https://fb.example.com/ack/".length());
        AckLinks.Verified v = at(NOW.plus(Duration.ofHours(23)), KEY).verify(token);
        assertEquals("safety-complaint:story-7:3", v.alertId());
        assertEquals(NOW.plus(Duration.ofHours(24)), v.expiresAt());
    }

    @Test
    void anExpiredLinkIsRefusedSayingWhen() {
        String token = at(NOW, KEY).token("a1");
        AckLinkException e = assertThrows(AckLinkException.class, () -> at(NOW.plus(Duration.ofHours(24)), KEY).verify(token));
        assertEquals(AckLinkException.Reason.EXPIRED, e.reason());
        assertEquals("this link expired at 2026-11-21 10:00 (Asia/Shanghai); acknowledge the alert in the console instead",
                e.getMessage());
    }

    @Test
    void aLinkForAnotherAlertOrWithALaterExpiryIsTampered() {
        AckLinks links = at(NOW, KEY);
        String[] parts = links.token("a1").split("\\.");
        String otherAlert = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("a2".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + "." + parts[2];
        String longer = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        for (String t : new String[] {otherAlert, longer}) {
            AckLinkException e = assertThrows(AckLinkException.class, () -> links.verify(t));
            assertEquals(AckLinkException.Reason.TAMPERED, e.reason());
            assertEquals("this link was altered or was not made by this Firebreak: its signature does not match", e.getMessage());
        }
        byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
        assertEquals(AckLinkException.Reason.TAMPERED,
                assertThrows(AckLinkException.class, () -> at(NOW, otherKey).verify(links.token("a1"))).reason());
    }

    @Test
    void garbageIsMalformed() {
        for (String t : new String[] {"", "abc", "a.b.c", "YTE.123"}) {
            assertEquals(AckLinkException.Reason.MALFORMED, assertThrows(AckLinkException.class, () -> at(NOW, KEY).verify(t)).reason(), t);
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> at(NOW, new byte[16]));
    }
}
