package dev.firebreak.delivery.feishu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Feishu's documentation gives the algorithm (Java, Go, Python SignDemo: the key is
 * {@code timestamp + "\n" + secret}, the data empty) but no worked values. The expected value was
 * computed independently when the test was written, with
 * {@code printf '' | openssl dgst -sha256 -hmac "$(printf '1700000000\nfeishuSecret123')" -binary | base64}.
 */
class FeishuSignTest {
    @Test
    void signMatchesTheDocumentedAlgorithm() {
        assertEquals("tulHGl2j4o2PLQylAxtkD3cy7/gqqbQaKrgnCRNPblc=", FeishuSign.sign(1700000000L, "feishuSecret123"));
    }

    @Test
    void theTimestampIsInSecondsNotMilliseconds() {
        assertNotEquals(FeishuSign.sign(1700000000L, "feishuSecret123"), FeishuSign.sign(1700000000000L, "feishuSecret123"));
    }
}
