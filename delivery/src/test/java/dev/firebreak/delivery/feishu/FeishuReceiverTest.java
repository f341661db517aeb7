package dev.firebreak.delivery.feishu;

import static dev.firebreak.delivery.robot.RobotTestKit.await;
import static dev.firebreak.delivery.robot.RobotTestKit.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Severity;
import dev.firebreak.delivery.Delivery;
import dev.firebreak.delivery.SendResult;
import dev.firebreak.delivery.robot.FakeRobot;
import dev.firebreak.delivery.robot.RobotReceiver;
import dev.firebreak.delivery.channels.RobotReceivers;
import dev.firebreak.delivery.robot.RobotTestKit;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Feishu custom bot against a fake Feishu that checks the body's signature as Feishu does. */
class FeishuReceiverTest {
    private static final String HOOK = "5e3d587e-d78e-4a07-bd07-265f269f86fd";
    private static final String SECRET = "nIMtb7r3N9pkXyXdtAbx6e";
    private static final String OK = "{\"code\":0,\"msg\":\"success\",\"data\":{}}";
    private FakeRobot feishu;

    @BeforeEach
    void start() throws Exception {
        feishu = new FakeRobot(OK);
        feishu.answer(r -> signedCorrectly(r.body()) ? new FakeRobot.Reply(200, OK) : new FakeRobot.Reply(200,
                "{\"code\":19021,\"data\":{},\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}"));
    }

    @AfterEach
    void stop() throws Exception {
        feishu.close();
    }

    private static boolean signedCorrectly(JsonObject body) {
        String ts = body.getString("timestamp");
        if (ts == null || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts)) > 3600) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((ts + "\n" + SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0])).equals(body.getString("sign"));
        } catch (Exception e) {
            return false;
        }
    }

    private RobotReceiver robot(String secret, List<String> mentions) {
        return RobotReceivers.create(channel("feishu", feishu.base() + "/open-apis/bot/v2/hook/" + HOOK, List.of(secret), mentions),
                feishu.client, RobotTestKit.LINKS);
    }

    private static Delivery one(AlertStatus status, boolean followUp) {
        return RobotTestKit.delivery(RobotTestKit.alert("a1", Severity.P1, status, 12, "漏电投诉扩散"), followUp);
    }

    @Test
    void anAlertIsASignedInteractiveCardWithButtonsAndMentions() throws Exception {
        RobotReceiver robot = robot(SECRET, List.of("ou_7d8a6e6df7621556ce0d21922b676706ccs", "all"));
        assertEquals(100, robot.perMinute());
        SendResult r = await(robot.send(List.of(one(AlertStatus.FIRING, true))));
        assertTrue(r.delivered(), String.valueOf(r));
        JsonObject body = feishu.requests.get(0).body();
        assertEquals("interactive", body.getString("msg_type"));
        JsonObject card = body.getJsonObject("card");
        assertEquals("red", card.getJsonObject("header").getString("template"));
        assertEquals("【更新】P1 漏电投诉扩散", card.getJsonObject("header").getJsonObject("title").getString("content"));
        String md = card.getJsonArray("elements").getJsonObject(0).getJsonObject("text").getString("content");
        assertTrue(md.endsWith("<at id=ou_7d8a6e6df7621556ce0d21922b676706ccs></at> <at id=all></at>"), md);
        JsonObject ack = card.getJsonArray("elements").getJsonObject(1).getJsonArray("actions").getJsonObject(0);
        assertEquals("确认 Acknowledge", ack.getJsonObject("text").getString("content"));
        assertTrue(ack.getString("url").startsWith("https://firebreak.example.com/ack/"));
    }

    @Test
    void aWrongSecretIsCode19021AndNotRetried() throws Exception {
        SendResult r = await(robot("wrong-secret-0000", List.of()).send(List.of(one(AlertStatus.FIRING, false))));
        assertFalse(r.delivered());
        assertFalse(r.retryable());
        assertTrue(r.error().startsWith("Feishu code 19021 (signature check failed"), r.error());
        assertFalse(r.error().contains("wrong-secret-0000"));
    }

    @Test
    void frequencyLimitIsRetryable() throws Exception {
        feishu.answer(r -> new FakeRobot.Reply(200, "{\"code\":11232,\"msg\":\"frequency limited psm[lark.oapi.app_platform_runtime]"
                + " appID[1] hook " + HOOK + "\"}"));
        SendResult r = await(robot(SECRET, List.of()).send(List.of(one(AlertStatus.FIRING, false))));
        assertTrue(r.retryable());
        assertEquals(Duration.ofSeconds(60), r.retryAfter());
        assertFalse(r.error().contains(HOOK), r.error());
        assertTrue(r.error().contains("…86fd"), r.error());
    }

    @Test
    void aDigestOf81AlertsIsOneCardWithinTwentyKilobytes() throws Exception {
        assertTrue(await(robot(SECRET, List.of()).send(RobotTestKit.burst(81))).delivered());
        FakeRobot.Request req = feishu.requests.get(0);
        assertTrue(req.bytes() <= FeishuReceiver.MAX_BODY_BYTES && FeishuReceiver.MAX_BODY_BYTES <= 20 * 1024, req.bytes() + " bytes");
        String md = req.body().getJsonObject("card").getJsonArray("elements").getJsonObject(0).getJsonObject("text").getString("content");
        RobotTestKit.assertAllAccountedFor(md, 81);
    }

    @Test
    void aPhoneNumberCannotBeMentionedOnFeishu() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> robot(SECRET, List.of("13800005678")));
        assertEquals("channel \"room\": mobiles[0]: Feishu custom bots mention by open_id (ou_…), user_id, email or \"all\", "
                + "not by phone number or \"…5678\"", e.getMessage());
    }
}
