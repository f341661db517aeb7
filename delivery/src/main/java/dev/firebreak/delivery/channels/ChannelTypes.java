package dev.firebreak.delivery.channels;

import dev.firebreak.delivery.Masked;
import dev.firebreak.delivery.Receiver;
import dev.firebreak.delivery.dingtalk.DingTalkReceiver;
import dev.firebreak.delivery.feishu.FeishuReceiver;
import dev.firebreak.delivery.robot.AlertMessages;
import dev.firebreak.delivery.robot.RobotEndpoint;
import dev.firebreak.delivery.robot.RobotReceiver;
import dev.firebreak.delivery.webhook.WebhookReceivers;
import dev.firebreak.delivery.wecom.WeComReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The one list of channel types: a new kind of channel is added here and nowhere else. */
public final class ChannelTypes {
    public static final ChannelType<Receiver> WEBHOOK = new ChannelType<>("webhook", Integer.MAX_VALUE,
            ChannelTypes::webhookSecrets, (c, t) -> WebhookReceivers.factory(t.client(), t.deliveryNow()).create(c));
    public static final ChannelType<RobotReceiver> WECOM = new ChannelType<>("wecom", 20, ChannelTypes::noSecret,
            (c, t) -> new WeComReceiver(RobotEndpoint.of(c), c.mobiles(), c.perMinute(), t.client(), new AlertMessages(t.links())));
    public static final ChannelType<RobotReceiver> DINGTALK = new ChannelType<>("dingtalk", 20,
            (key, s) -> oneSecret("dingtalk", key, s), (c, t) -> new DingTalkReceiver(RobotEndpoint.of(c), c.mobiles(),
                    c.perMinute(), t.client(), new AlertMessages(t.links()), t.clock()));
    public static final ChannelType<RobotReceiver> FEISHU = new ChannelType<>("feishu", 100,
            (key, s) -> oneSecret("feishu", key, s), (c, t) -> new FeishuReceiver(RobotEndpoint.of(c), c.mobiles(),
                    c.perMinute(), t.client(), new AlertMessages(t.links()), t.clock()));

    /** The robots: chat-group bots that post formatted alert messages with acknowledge links. */
    public static final List<ChannelType<RobotReceiver>> ROBOTS = List.of(WECOM, DINGTALK, FEISHU);
    /** Every type, in the order error messages list them. */
    public static final List<ChannelType<?>> ALL = Stream.concat(Stream.of(WEBHOOK), ROBOTS.stream())
            .<ChannelType<?>>map(t -> t).toList();

    private ChannelTypes() { }

    public static Optional<ChannelType<?>> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names(List<? extends ChannelType<?>> types) {
        return types.stream().map(ChannelType::name).toList();
    }

    private static List<ChannelType.SecretProblem> webhookSecrets(String key, List<String> secrets) {
        List<ChannelType.SecretProblem> out = new ArrayList<>();
        if (secrets.isEmpty()) {
            out.add(new ChannelType.SecretProblem(false, "secret: a webhook channel needs a whsec_ secret to sign with"));
        }
        for (String s : secrets) {
            if (!s.startsWith("whsec_") || !base64(s.substring("whsec_".length()))) {
                out.add(new ChannelType.SecretProblem(true, key + ": Invalid value " + Masked.secret(s)
                        + " for configuration " + key + ": a webhook secret is whsec_ followed by base64"));
            }
        }
        return out;
    }

    private static List<ChannelType.SecretProblem> noSecret(String key, List<String> secrets) {
        return secrets.isEmpty() ? List.of()
                : List.of(new ChannelType.SecretProblem(true, key + ": a WeCom robot takes no secret (its key is in the url)"));
    }

    private static List<ChannelType.SecretProblem> oneSecret(String type, String key, List<String> secrets) {
        return secrets.size() <= 1 ? List.of()
                : List.of(new ChannelType.SecretProblem(true, key + ": a " + type + " robot has one signing secret"));
    }

    private static boolean base64(String s) {
        try {
            return !s.isEmpty() && java.util.Base64.getDecoder().decode(s).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
