package dev.firebreak.delivery.feishu;

import dev.firebreak.delivery.robot.AlertMessages;
import dev.firebreak.delivery.robot.RobotEndpoint;
import dev.firebreak.delivery.robot.RobotMessage;
import dev.firebreak.delivery.robot.RobotReceiver;
import dev.firebreak.delivery.robot.RobotReplies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Feishu custom bot (飞书自定义机器人): {@code POST <hook url>} with an interactive card, signed in the
 * body ({@code timestamp}, {@code sign}) when the bot has a secret. The whole request body may be at
 * most 20 KB; limit 100 messages a minute and 5 a second (code 11232 when exceeded).
 */
public final class FeishuReceiver extends RobotReceiver {
    public static final int DEFAULT_PER_MINUTE = 100;
    /** "At most 20 KB" per Feishu's guide; 20000 bytes keeps clear of reading KB as 1000 or 1024. */
    static final int MAX_BODY_BYTES = 20_000;
    static final RobotReplies REPLIES = new RobotReplies("Feishu", "code", "msg",
            Map.of(11232, Duration.ofSeconds(60)), Set.of(),
            Map.of(11232, "rate limited: 100 a minute, 5 a second", 9499, "bad request: the message is not valid",
                    19021, "signature check failed (or the timestamp is more than an hour off)",
                    19022, "IP not allowed", 19024, "keyword check failed", 19001, "the hook is not valid"));

    private final String mentionTags;
    private final Clock clock;

    public FeishuReceiver(RobotEndpoint endpoint, List<String> mentions, int perMinute, WebClient client,
                          AlertMessages messages, Clock clock) {
        super(endpoint, client, messages, perMinute > 0 ? perMinute : DEFAULT_PER_MINUTE, REPLIES);
        this.mentionTags = FeishuMentions.tags(endpoint.channelId(), mentions);
        this.clock = clock;
    }

    @Override
    public JsonObject body(RobotMessage m) {
        JsonObject body = new JsonObject();
        String secret = endpoint.secret();
        if (secret != null) {
            long seconds = clock.instant().getEpochSecond();
            body.put("timestamp", Long.toString(seconds)).put("sign", FeishuSign.sign(seconds, secret));
        }
        return body.put("msg_type", "interactive").put("card", card(m));
    }

    private JsonObject card(RobotMessage m) {
        String text = String.join("\n", m.lines()) + (mentionTags.isEmpty() ? "" : "\n" + mentionTags);
        JsonArray elements = new JsonArray()
                .add(new JsonObject().put("tag", "div").put("text", new JsonObject().put("tag", "lark_md").put("content", text)));
        if (!m.buttons().isEmpty()) {
            JsonArray actions = new JsonArray();
            for (int i = 0; i < m.buttons().size(); i++) {
                RobotMessage.Button b = m.buttons().get(i);
                actions.add(new JsonObject().put("tag", "button").put("type", i == 0 ? "primary" : "default")
                        .put("url", b.url()).put("text", new JsonObject().put("tag", "plain_text").put("content", b.text())));
            }
            elements.add(new JsonObject().put("tag", "action").put("actions", actions));
        }
        return new JsonObject().put("config", new JsonObject().put("wide_screen_mode", true))
                .put("header", new JsonObject().put("template", template(m))
                        .put("title", new JsonObject().put("tag", "plain_text").put("content", m.title())))
                .put("elements", elements);
    }

    private static String template(RobotMessage m) {
        if (m.resolved()) return "green";
        return switch (m.severity()) {
            case "P1" -> "red";
            case "P2" -> "orange";
            case "P3" -> "yellow";
            default -> "blue";
        };
    }

    @Override
    protected boolean fits(RobotMessage m) {
        return utf8(body(m).encode()) <= MAX_BODY_BYTES;
    }
}
