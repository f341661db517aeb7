package dev.firebreak.delivery.feishu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feishu's 签名校验: {@code sign = base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty))},
 * with {@code timestamp} in seconds; both go in the JSON body. Note the key is the string to sign and
 * the data is empty: the reverse of DingTalk.
 */
public final class FeishuSign {
    private FeishuSign() { }

    public static String sign(long timestampSeconds, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
