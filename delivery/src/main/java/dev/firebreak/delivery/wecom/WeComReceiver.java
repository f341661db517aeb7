package dev.firebreak.delivery.wecom;

import dev.firebreak.delivery.robot.AlertMessages;
import dev.firebreak.delivery.robot.RobotEndpoint;
import dev.firebreak.delivery.robot.RobotMessage;
import dev.firebreak.delivery.robot.RobotReceiver;
import dev.firebreak.delivery.robot.RobotReplies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A WeCom group robot (企业微信群机器人): {@code POST <url with key>}. Markdown messages (content up
 * to 4096 bytes) cannot {@code @} anyone by phone number: {@code mentioned_mobile_list} belongs to
 * the text type only. So a robot with mobiles to mention gets text messages (up to 2048 bytes, links
 * written out) that ring those people; one without gets markdown. Limit: 20 messages a minute
 * (errcode 45009 when exceeded).
 */
public final class WeComReceiver extends RobotReceiver {
    public static final int DEFAULT_PER_MINUTE = 20;
    static final int MARKDOWN_MAX_BYTES = 4096;
    static final int TEXT_MAX_BYTES = 2048;
    static final RobotReplies REPLIES = new RobotReplies("WeCom", "errcode", "errmsg",
            Map.of(45009, Duration.ofSeconds(60)), Set.of(-1),
            Map.of(45009, "rate limited: 20 messages a minute", 93000, "the robot key is not valid",
                    40008, "message type not valid", 44004, "message is empty", 40058, "a field is not valid",
                    45033, "too many requests at once", -1, "system busy"));

    private final List<String> mobiles;

    public WeComReceiver(RobotEndpoint endpoint, List<String> mobiles, int perMinute, WebClient client, AlertMessages messages) {
        super(endpoint, client, messages, perMinute > 0 ? perMinute : DEFAULT_PER_MINUTE, REPLIES);
        this.mobiles = List.copyOf(mobiles);
    }

    @Override
    public JsonObject body(RobotMessage m) {
        if (mobiles.isEmpty()) {
            return new JsonObject().put("msgtype", "markdown")
                    .put("markdown", new JsonObject().put("content", markdown(m)));
        }
        return new JsonObject().put("msgtype", "text").put("text", new JsonObject().put("content", m.plainText())
                .put("mentioned_mobile_list", new JsonArray(mobiles)));
    }

    @Override
    protected boolean fits(RobotMessage m) {
        return mobiles.isEmpty() ? utf8(markdown(m)) <= MARKDOWN_MAX_BYTES : utf8(m.plainText()) <= TEXT_MAX_BYTES;
    }

    private static String markdown(RobotMessage m) {
        String colour = m.resolved() ? "info" : "P1".equals(m.severity()) || "P2".equals(m.severity()) ? "warning" : "comment";
        return "### <font color=\"" + colour + "\">" + m.title() + "</font>\n" + m.markdownBody("\n");
    }
}
