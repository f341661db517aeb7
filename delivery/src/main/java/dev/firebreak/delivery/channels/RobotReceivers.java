package dev.firebreak.delivery.channels;

import dev.firebreak.delivery.robot.AlertMessages;
import dev.firebreak.delivery.robot.RobotEndpoint;
import dev.firebreak.delivery.robot.RobotReceiver;

import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.ack.AckLinks;
import dev.firebreak.delivery.dingtalk.DingTalkReceiver;
import dev.firebreak.delivery.feishu.FeishuReceiver;
import dev.firebreak.delivery.wecom.WeComReceiver;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.Set;

/** Makes the receiver of a robot channel: wecom, dingtalk or feishu. */
public final class RobotReceivers {
    public static final Set<String> TYPES = Set.of("wecom", "dingtalk", "feishu");

    private RobotReceivers() { }

    /** The daemon's factories for the three robot types, sharing one Web Client and the acknowledge links. */
    public static java.util.Map<String, dev.firebreak.delivery.ReceiverFactory> factories(WebClient client,
                                                                                              AckLinks links) {
        java.util.Map<String, dev.firebreak.delivery.ReceiverFactory> out = new java.util.HashMap<>();
        TYPES.forEach(type -> out.put(type, c -> create(c, client, links)));
        return out;
    }

    /** {@link IllegalArgumentException} names the channel and what is wrong (its URL, a mention, its type). */
    public static RobotReceiver create(ChannelConfig c, WebClient client, AckLinks links) {
        return create(c, client, links, Clock.systemUTC());
    }

    public static RobotReceiver create(ChannelConfig c, WebClient client, AckLinks links, Clock clock) {
        RobotEndpoint endpoint = RobotEndpoint.of(c);
        AlertMessages messages = new AlertMessages(links);
        return switch (c.type()) {
            case "wecom" -> new WeComReceiver(endpoint, c.mobiles(), c.perMinute(), client, messages);
            case "dingtalk" -> new DingTalkReceiver(endpoint, c.mobiles(), c.perMinute(), client, messages, clock);
            case "feishu" -> new FeishuReceiver(endpoint, c.mobiles(), c.perMinute(), client, messages, clock);
            default -> throw new IllegalArgumentException("channel \"" + c.id() + "\": type: \"" + c.type()
                    + "\" is not a robot (expected wecom, dingtalk or feishu)");
        };
    }
}
