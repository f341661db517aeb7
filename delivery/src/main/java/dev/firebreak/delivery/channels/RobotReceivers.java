package dev.firebreak.delivery.channels;

import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.ack.AckLinks;
import dev.firebreak.delivery.robot.RobotReceiver;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;

/** Makes the receiver of a robot channel: one of {@link ChannelTypes#ROBOTS}. */
public final class RobotReceivers {
    private RobotReceivers() { }

    /** {@link IllegalArgumentException} names the channel and what is wrong (its URL, a mention, its type). */
    public static RobotReceiver create(ChannelConfig c, WebClient client, AckLinks links) {
        return create(c, client, links, Clock.systemUTC());
    }

    public static RobotReceiver create(ChannelConfig c, WebClient client, AckLinks links, Clock clock) {
        ChannelType<RobotReceiver> type = ChannelTypes.ROBOTS.stream().filter(t -> t.name().equals(c.type())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("channel \"" + c.id() + "\": type: \"" + c.type()
                        + "\" is not a robot (expected " + spoken() + ")"));
        return type.create(c, new ChannelTools(client, links, System::currentTimeMillis, clock));
    }

    /** "wecom, dingtalk or feishu" */
    private static String spoken() {
        var names = ChannelTypes.names(ChannelTypes.ROBOTS);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
