package dev.firebreak.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The version of a rule: the first 12 hex digits of the SHA-256 of its canonical text. */
public final class RuleVersion {
    private RuleVersion() { }

    public static String of(String canonicalText) {
        return sha256(canonicalText).substring(0, 12);
    }

    /** The alert id for a rule firing on a group: stable, so the same firing is recorded once. */
    public static String alertId(String ruleId, String groupKey) {
        return sha256(ruleId + "\n" + groupKey).substring(0, 20);
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
