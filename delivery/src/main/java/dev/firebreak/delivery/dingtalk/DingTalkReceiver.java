package dev.firebreak.delivery.dingtalk;

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
 * A DingTalk custom robot (钉钉自定义机器人): {@code POST <url with access_token>&timestamp&sign}. One
 * alert goes as an actionCard with buttons (acknowledge, view); actionCards cannot {@code @} anyone,
 * so a robot with mobiles to mention, and every digest, gets markdown with {@code at.atMobiles} (the
 * numbers are also written in the text, which DingTalk needs to show the mention). Limit: 20 a
 * minute; beyond it DingTalk locks the robot for 10 minutes (errcode 130101).
 */
public final class DingTalkReceiver extends RobotReceiver {
    public static final int DEFAULT_PER_MINUTE = 20;
    /** DingTalk names no exact cap for markdown; 20000 bytes is the limit its text messages are held to. */
    static final int MAX_BYTES = 20_000;
    static final RobotReplies REPLIES = new RobotReplies("DingTalk", "errcode", "errmsg",
            Map.of(130101, Duration.ofMinutes(10), 410100, Duration.ofMinutes(10)), Set.of(-1),
            Map.of(130101, "sent too fast: the robot is locked for 10 minutes", 410100, "sent too fast",
                    310000, "signature, keyword or IP check failed", 300001, "the access token is not valid",
                    400102, "the robot is stopped", -1, "system busy"));

    private final List<String> mobiles;
    private final Clock clock;

    public DingTalkReceiver(RobotEndpoint endpoint, List<String> mobiles, int perMinute, WebClient client,
                            AlertMessages messages, Clock clock) {
        super(endpoint, client, messages, perMinute > 0 ? perMinute : DEFAULT_PER_MINUTE, REPLIES);
        this.mobiles = List.copyOf(mobiles);
        this.clock = clock;
    }

    @Override
    public JsonObject body(RobotMessage m) {
        String text = "### " + m.title() + "\n\n" + m.markdownBody("\n\n");
        boolean card = mobiles.isEmpty() && !m.buttons().isEmpty() && !m.digest();
        if (card) {
            JsonArray buttons = new JsonArray();
            m.buttons().forEach(b -> buttons.add(new JsonObject().put("title", b.text()).put("actionURL", b.url())));
            String cardText = "### " + m.title() + "\n\n" + String.join("\n\n", m.lines());
            return new JsonObject().put("msgtype", "actionCard").put("actionCard", new JsonObject()
                    .put("title", m.title()).put("text", cardText).put("btnOrientation", "1").put("btns", buttons));
        }
        if (!mobiles.isEmpty()) text += "\n\n" + String.join(" ", mobiles.stream().map(p -> "@" + p).toList());
        return new JsonObject().put("msgtype", "markdown")
                .put("markdown", new JsonObject().put("title", m.title()).put("text", text))
                .put("at", new JsonObject().put("atMobiles", new JsonArray(mobiles)).put("isAtAll", false));
    }

    @Override
    protected boolean fits(RobotMessage m) {
        return utf8(body(m).encode()) <= MAX_BYTES;
    }

    @Override
    protected String signedUrl() {
        String secret = endpoint.secret();
        return secret == null ? endpoint.url() : DingTalkSign.signedUrl(endpoint.url(), clock.millis(), secret);
    }
}
