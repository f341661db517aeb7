package dev.firebreak.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EndpointAddressTest {
    static final String ALLOW = " (an admin may allow private addresses for this channel with allowPrivate: true)";

    @Test
    void refusesLoopbackPrivateLinkLocalAndTheLikeUnlessAllowed() {
        String[][] cases = {
                {"http://127.0.0.1:8080/h", "refused: 127.0.0.1 is a loopback address"},
                {"http://10.1.2.3/h", "refused: 10.1.2.3 is a private address"},
                {"http://172.16.0.9/h", "refused: 172.16.0.9 is a private address"},
                {"http://192.168.1.20/h", "refused: 192.168.1.20 is a private address"},
                {"http://169.254.169.254/latest/meta-data", "refused: 169.254.169.254 is a link-local address"},
                {"http://[::1]:9000/h", "refused: [::1] is a loopback address"},
                {"http://[fd00::5]/h", "refused: [fd00::5] is a private address"},
                {"http://[fe80::1]/h", "refused: [fe80::1] is a link-local address"},
                {"http://0.0.0.0/h", "refused: 0.0.0.0 is an unspecified address"},
                {"http://224.0.0.1/h", "refused: 224.0.0.1 is a multicast address"},
                {"http://localhost:8080/h", "refused: localhost is a loopback address"},
        };
        for (String[] c : cases) {
            assertEquals(c[1] + ALLOW, EndpointAddress.problem(c[0], false, true), c[0]);
            assertNull(EndpointAddress.problem(c[0], true, true), "allowed by the admin: " + c[0]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EndpointAddress.check("http://192.168.0.1/x", false));
        assertEquals("refused: 192.168.0.1 is a private address" + ALLOW, e.getMessage());
    }

    @Test
    void publicAddressesPassAndOnlyHttpIsSpoken() {
        assertNull(EndpointAddress.problem("https://93.184.215.14/hooks", false, true));
        assertNull(EndpointAddress.problem("https://172.32.0.1/hooks", false, true), "just outside 172.16/12");
        assertEquals("expected an http:// or https:// URL, got file://", EndpointAddress.problem("file:///etc/passwd", true, true));
        assertEquals("the URL has no host", EndpointAddress.problem("https:///x", false, true));
        assertNull(EndpointAddress.problem("https://pr.example.com/hooks", false, false), "names resolve at send time");
    }

    @Test
    void secretsAndSecretUrlsAreMasked() {
        assertEquals("whsec_…f3a9", Masked.secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwf3a9"));
        assertEquals("…7c1d", Masked.secret("SECa8c0b1e2f3d4e5f6a7b8c9d7c1d"));
        assertEquals("whsec_…", Masked.secret("whsec_short"));
        String dingtalk = "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef9f2c";
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=…9f2c", Masked.url(dingtalk));
        String feishu = "https://open.feishu.cn/open-apis/bot/v2/hook/6b1a3c52-7e0f-4a8b-9d3e-2f1c0b9a8e7d";
        assertEquals("https://open.feishu.cn/open-apis/bot/v2/hook/…8e7d", Masked.url(feishu));
        assertFalse(Masked.url(feishu).contains("6b1a3c52"));
        assertEquals("http://127.0.0.1:9000/hooks", Masked.url("http://127.0.0.1:9000/hooks"));
    }
}
