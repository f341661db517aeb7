package dev.firebreak.delivery.dingtalk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * DingTalk's documentation gives the algorithm (Java, Python samples) but no worked values. The
 * expected values here were computed independently when the test was written, with
 * {@code printf '1700000000000\nSECexample0123456789abcdef' | openssl dgst -sha256 -hmac 'SECexample0123456789abcdef' -binary | base64}
 * and checked with the documentation's Python sample ({@code urllib.parse.quote_plus(base64.b64encode(hmac...))}).
 */
class DingTalkSignTest {
    private static final String SECRET = "SECexample0123456789abcdef";

    @Test
    void signMatchesTheDocumentedAlgorithm() {
        assertEquals("+cxnz7PMkHTgYGZLYfiu2juTRMk8MZfdVOdDh8s0utc=", DingTalkSign.sign(1700000000000L, SECRET));
    }

    @Test
    void theSignedUrlCarriesTheTimestampAndTheUrlEncodedSign() {
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000"
                        + "&sign=%2Bcxnz7PMkHTgYGZLYfiu2juTRMk8MZfdVOdDh8s0utc%3D",
                DingTalkSign.signedUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", 1700000000000L, SECRET));
    }
}
