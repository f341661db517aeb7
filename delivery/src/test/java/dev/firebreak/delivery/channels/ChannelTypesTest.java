package dev.firebreak.delivery.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.dingtalk.DingTalkReceiver;
import dev.firebreak.delivery.feishu.FeishuReceiver;
import dev.firebreak.delivery.wecom.WeComReceiver;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one list of channel types: names, default rates, secret rules, and the receivers they make. */
class ChannelTypesTest {
    @Test
    void everyTypeIsListedOnceInTheOrderMessagesNameThem() {
        assertEquals(List.of("webhook", "wecom", "dingtalk", "feishu"), ChannelTypes.names(ChannelTypes.ALL));
        assertEquals(List.of("wecom", "dingtalk", "feishu"), ChannelTypes.names(ChannelTypes.ROBOTS));
        assertTrue(ChannelTypes.named("slack").isEmpty());
        assertEquals(100, ChannelTypes.named("feishu").orElseThrow().defaultPerMinute());
        assertEquals(20, ChannelTypes.named("wecom").orElseThrow().defaultPerMinute());
        assertEquals(Integer.MAX_VALUE, ChannelTypes.WEBHOOK.defaultPerMinute(), "a webhook is not rate limited unless told");
    }

    @Test
    void secretRulesSayWhatIsWrongWithoutTheSecret() {
        assertEquals(List.of(new ChannelType.SecretProblem(false, "secret: a webhook channel needs a whsec_ secret to sign with")),
                ChannelTypes.WEBHOOK.secrets().check("secret", List.of()));
        assertEquals(List.of(), ChannelTypes.WEBHOOK.secrets().check("secret", List.of("whsec_c2VjcmV0")));
        String problem = ChannelTypes.WEBHOOK.secrets().check("secrets", List.of("plain-secret-1234")).get(0).text();
        assertTrue(problem.startsWith("secrets: Invalid value ") && !problem.contains("plain-secret"), problem);
        assertEquals(List.of(new ChannelType.SecretProblem(true, "secret: a WeCom robot takes no secret (its key is in the url)")),
                ChannelTypes.WECOM.secrets().check("secret", List.of("x")));
        assertEquals(List.of(new ChannelType.SecretProblem(true, "secrets: a dingtalk robot has one signing secret")),
                ChannelTypes.DINGTALK.secrets().check("secrets", List.of("a", "b")));
    }

    @Test
    void robotTypesMakeTheirReceiversAndOtherTypesAreRefused() {
        Vertx vertx = Vertx.vertx();
        try {
            WebClient client = WebClient.create(vertx);
            assertInstanceOf(WeComReceiver.class, RobotReceivers.create(channel("wecom"), client, null));
            assertInstanceOf(DingTalkReceiver.class, RobotReceivers.create(channel("dingtalk"), client, null));
            assertInstanceOf(FeishuReceiver.class, RobotReceivers.create(channel("feishu"), client, null));
            assertEquals("channel \"c\": type: \"webhook\" is not a robot (expected wecom, dingtalk or feishu)",
                    assertThrows(IllegalArgumentException.class,
                            () -> RobotReceivers.create(channel("webhook"), client, null)).getMessage());
        } finally {
            vertx.close();
        }
    }

    private static ChannelConfig channel(String type) {
        return new ChannelConfig("c", type, "https://robot.example.com/send?access_token=abcdef", List.of(), List.of(), 20, false);
    }
}
