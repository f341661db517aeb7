package dev.firebreak.delivery.dingtalk;

import static dev.firebreak.delivery.robot.RobotTestKit.await;
import static dev.firebreak.delivery.robot.RobotTestKit.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Severity;
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

/** A DingTalk custom robot against a fake DingTalk that checks the signature as DingTalk does. */
class DingTalkReceiverTest {
    private static final String TOKEN = "dd0123456789abcdef0123456789abcdef7c1e";
    private static final String SECRET = "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc";
    private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private FakeRobot dingtalk;

    @BeforeEach
    void start() throws Exception {
        dingtalk = new FakeRobot(OK);
        // Like DingTalk: a missing, stale or wrong sign is errcode 310000.
        dingtalk.answer(r -> signedCorrectly(r) ? new FakeRobot.Reply(200, OK)
                : new FakeRobot.Reply(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
    }

    @AfterEach
    void stop() throws Exception {
        dingtalk.close();
    }

    private static boolean signedCorrectly(FakeRobot.Request r) {
        String ts = r.query().get("timestamp");
        String sign = r.query().get("sign");   // already URL-decoded by the server
        if (ts == null || sign == null || Math.abs(System.currentTimeMillis() - Long.parseLong(ts)) > 3_600_000) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return sign.equals(Base64.getEncoder().encodeToString(mac.doFinal((ts + "\n" + SECRET).getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            return false;
        }
    }

    private RobotReceiver robot(List<String> mobiles, List<String> secrets) {
        return RobotReceivers.create(channel("dingtalk", dingtalk.base() + "/robot/send?access_token=" + TOKEN, secrets, mobiles),
                dingtalk.client, RobotTestKit.LINKS);
    }

    @Test
    void oneAlertIsASignedActionCardWithAnAcknowledgeButton() throws Exception {
        RobotReceiver robot = robot(List.of(), List.of(SECRET));
        assertEquals(20, robot.perMinute());
        SendResult r = await(robot.send(List.of(RobotTestKit.delivery(RobotTestKit.alert("a1", Severity.P1,
                AlertStatus.FIRING, 12, "漏电投诉"), false))));
        assertTrue(r.delivered(), String.valueOf(r));
        JsonObject body = dingtalk.requests.get(0).body();
        assertEquals("actionCard", body.getString("msgtype"));
        JsonObject card = body.getJsonObject("actionCard");
        assertTrue(card.getString("title").startsWith("【新告警】P1 漏电投诉"), card.getString("title"));
        assertTrue(card.getString("text").contains("12 条"), card.getString("text"));
        JsonObject ack = card.getJsonArray("btns").getJsonObject(0);
        assertEquals("确认 Acknowledge", ack.getString("title"));
        assertEquals("a1", RobotTestKit.LINKS.verify(ack.getString("actionURL").substring(
                "https://firebreak.example.com/ack/".length())).alertId());
    }

    @Test
    void mobilesMakeAMarkdownMessageThatAtsThem() throws Exception {
        RobotReceiver robot = robot(List.of("13800001111", "13900002222"), List.of(SECRET));
        assertTrue(await(robot.send(List.of(RobotTestKit.delivery(RobotTestKit.alert("a1", Severity.P2,
                AlertStatus.FIRING, 3, "退款投诉"), false)))).delivered());
        JsonObject body = dingtalk.requests.get(0).body();
        assertEquals("markdown", body.getString("msgtype"));
        assertEquals(List.of("13800001111", "13900002222"), body.getJsonObject("at").getJsonArray("atMobiles").getList());
        assertTrue(body.getJsonObject("markdown").getString("text").endsWith("@13800001111 @13900002222"));
    }

    @Test
    void aDigestOf81AlertsIsOneMessageWithinTheLimit() throws Exception {
        RobotReceiver robot = robot(List.of(), List.of(SECRET));
        assertTrue(await(robot.send(RobotTestKit.burst(81))).delivered());
        assertEquals(1, dingtalk.requests.size());
        FakeRobot.Request req = dingtalk.requests.get(0);
        assertEquals("markdown", req.body().getString("msgtype"), "a digest has no single alert to button");
        assertTrue(req.bytes() <= DingTalkReceiver.MAX_BYTES, req.bytes() + " bytes");
        String text = req.body().getJsonObject("markdown").getString("text");
        assertTrue(text.contains("【汇总】81 条告警"), text);
        RobotTestKit.assertAllAccountedFor(text.replace("\n\n", "\n"), 81);
    }

    @Test
    void errorCodesMapToRetriesAndFailures() throws Exception {
        RobotReceiver robot = robot(List.of(), List.of(SECRET));
        dingtalk.answer(r -> new FakeRobot.Reply(200, "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}"));
        SendResult tooFast = await(robot.send(List.of(one())));
        assertFalse(tooFast.delivered());
        assertTrue(tooFast.retryable());
        assertEquals(Duration.ofMinutes(10), tooFast.retryAfter());
        assertEquals(200, tooFast.status());

        dingtalk.answer(r -> new FakeRobot.Reply(200, "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}"));
        SendResult refused = await(robot.send(List.of(one())));
        assertFalse(refused.delivered());
        assertFalse(refused.retryable());
        assertEquals("DingTalk errcode 310000 (signature, keyword or IP check failed): keywords not in content", refused.error());

        dingtalk.answer(r -> new FakeRobot.Reply(502, "bad gateway"));
        SendResult down = await(robot.send(List.of(one())));
        assertTrue(down.retryable());
        assertNull(down.retryAfter());
    }

    @Test
    void aWrongSecretIsRefusedByTheServerAndNeitherSecretNorTokenIsInTheError() throws Exception {
        RobotReceiver robot = robot(List.of(), List.of("SECwrongwrongwrongwrong9f1d"));
        dingtalk.answer(r -> new FakeRobot.Reply(200, signedCorrectly(r) ? OK
                : "{\"errcode\":310000,\"errmsg\":\"sign not match, more: " + r.uri() + "\"}"));
        SendResult r = await(robot.send(List.of(one())));
        assertFalse(r.retryable());
        assertNotNull(r.error());
        assertFalse(r.error().contains(TOKEN), r.error());
        assertFalse(r.error().contains("SECwrongwrongwrongwrong9f1d"), r.error());
        assertTrue(r.error().contains("access_token=…7c1e"), "<" + r.error() + ">");

        // Nobody listens on port 1: retryable, and still no token in the text.
        RobotReceiver nobody = RobotReceivers.create(channel("dingtalk", "http://127.0.0.1:1/robot/send?access_token=" + TOKEN,
                List.of(SECRET), List.of()), dingtalk.client, RobotTestKit.LINKS);
        SendResult down = await(nobody.send(List.of(one())));
        assertTrue(down.retryable(), String.valueOf(down));
        assertEquals(0, down.status());
        assertFalse(down.error().contains(TOKEN), down.error());
        assertFalse(down.error().contains(SECRET), down.error());
    }

    private static dev.firebreak.delivery.Delivery one() {
        return RobotTestKit.delivery(RobotTestKit.alert("a1", Severity.P2, AlertStatus.FIRING, 3, "退款投诉"), false);
    }
}
