package dev.firebreak.delivery.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.delivery.ChannelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Robot URLs hold their key or token: shown masked, never whole. */
class RobotEndpointTest {
    private static RobotEndpoint of(String url, String secret) {
        return RobotEndpoint.of(new ChannelConfig("pr-room", "wecom", url, secret == null ? List.of() : List.of(secret),
                List.of(), 0, false));
    }

    @Test
    void keysAndTokensAreMaskedToTheirLastFour() {
        assertEquals("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…3f9a",
                of("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7a0c-4bc4-97a0-0ec2sifa3f9a", null).masked());
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=…59ab",
                of("https://oapi.dingtalk.com/robot/send?access_token=ff6cd723bdb4455fe18ba30dbeff007f559ab", null).masked());
        assertEquals("https://open.feishu.cn/open-apis/bot/v2/hook/…86fd",
                of("https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e-4a07-bd07-265f269f86fd", null).masked());
    }

    @Test
    void theSigningSecretIsScrubbedFromAnyText() {
        RobotEndpoint e = of("https://oapi.dingtalk.com/robot/send?access_token=ff6cd723bdb4455fe18ba30dbeff007f559ab",
                "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc");
        assertEquals("secret …a9dc, token …59ab",
                e.scrub("secret SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc, token ff6cd723bdb4455fe18ba30dbeff007f559ab"));
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedNamingTheChannel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of("ftp://example.com/x?key=abc", null));
        assertEquals("channel \"pr-room\": url: expected an http(s) URL with a host, got \"ftp\"", e.getMessage());
    }
}
