package dev.firebreak.delivery.dingtalk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's 加签: {@code sign = urlEncode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)))},
 * with {@code timestamp} in milliseconds; both go on the webhook URL as query parameters.
 */
public final class DingTalkSign {
    private DingTalkSign() { }

    /** The Base64 signature, before URL encoding. */
    public static String sign(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** {@code url} with {@code &timestamp=...&sign=...} added. */
    public static String signedUrl(String url, long timestampMillis, String secret) {
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
                + URLEncoder.encode(sign(timestampMillis, secret), StandardCharsets.UTF_8);
    }
}
