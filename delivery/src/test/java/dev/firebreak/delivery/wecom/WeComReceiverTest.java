package dev.firebreak.delivery.wecom;

import static dev.firebreak.delivery.robot.RobotTestKit.await;
import static dev.firebreak.delivery.robot.RobotTestKit.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A WeCom group robot against a fake WeCom that, like WeCom, wants the key in the URL. */
class WeComReceiverTest {
    private static final String KEY = "693a91f6-7a0c-4bc4-97a0-0ec2sifa3f9a";
    private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private FakeRobot wecom;

    @BeforeEach
    void start() throws Exception {
        wecom = new FakeRobot(OK);
        wecom.answer(r -> KEY.equals(r.query().get("key")) ? new FakeRobot.Reply(200, OK)
                : new FakeRobot.Reply(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [x]\"}"));
    }

    @AfterEach
    void stop() throws Exception {
        wecom.close();
    }

    private RobotReceiver robot(String key, List<String> mobiles) {
        return RobotReceivers.create(channel("wecom", wecom.base() + "/cgi-bin/webhook/send?key=" + key, List.of(), mobiles),
                wecom.client, RobotTestKit.LINKS);
    }

    private static Delivery one(AlertStatus status, boolean followUp) {
        return RobotTestKit.delivery(RobotTestKit.alert("a1", Severity.P1, status, 12, "暖途电暖器漏电投诉扩散"), followUp);
    }

    @Test
    void anAlertIsMarkdownWithTheStoryTimeAndLinks() throws Exception {
        RobotReceiver robot = robot(KEY, List.of());
        assertEquals(20, robot.perMinute());
        assertTrue(await(robot.send(List.of(one(AlertStatus.FIRING, false)))).delivered());
        JsonObject body = wecom.requests.get(0).body();
        assertEquals("markdown", body.getString("msgtype"));
        String content = body.getJsonObject("markdown").getString("content");
        assertTrue(content.startsWith("### <font color=\"warning\">【新告警】P1 暖途电暖器漏电投诉扩散</font>\n"), content);
        assertTrue(content.contains("**故事**：12 条 · 速度 35.3 条/小时 · 预计 240 条 · 覆盖 215.0万 人"), content);
        assertTrue(content.contains("**时间**：2026-11-20 10:15（北京时间）"), "02:15Z is 10:15 in Shanghai: " + content);
        assertTrue(content.contains("[weibo:4890123456789012](https://m.weibo.cn/detail/4890123456789012)"), content);
        assertTrue(content.contains("[确认 Acknowledge](https://firebreak.example.com/ack/"), content);
        assertFalse(body.getJsonObject("markdown").containsKey("mentioned_mobile_list"));
    }

    @Test
    void mobilesNeedTheTextTypeWhichIsTheOneThatMentions() throws Exception {
        RobotReceiver robot = robot(KEY, List.of("13800001111"));
        assertTrue(await(robot.send(List.of(one(AlertStatus.RESOLVED, true)))).delivered());
        JsonObject body = wecom.requests.get(0).body();
        assertEquals("text", body.getString("msgtype"));
        JsonObject text = body.getJsonObject("text");
        assertEquals(List.of("13800001111"), text.getJsonArray("mentioned_mobile_list").getList());
        String content = text.getString("content");
        assertTrue(content.startsWith("【已解决】P1 "), content);
        assertFalse(content.contains("**") || content.contains("]("), "plain text: " + content);
        assertFalse(content.contains("/ack/"), "a resolved alert has nothing to acknowledge: " + content);
    }

    @Test
    void aDigestOf81AlertsFitsInOneMarkdownMessage() throws Exception {
        RobotReceiver robot = robot(KEY, List.of());
        assertTrue(await(robot.send(RobotTestKit.burst(81))).delivered());
        assertEquals(1, wecom.requests.size());
        String content = wecom.requests.get(0).body().getJsonObject("markdown").getString("content");
        assertTrue(content.getBytes(StandardCharsets.UTF_8).length <= 4096, content.getBytes(StandardCharsets.UTF_8).length + " bytes");
        int listed = RobotTestKit.assertAllAccountedFor(content, 81);
        assertTrue(listed < 81 && content.contains("](https://firebreak.example.com/)"), "cut, with a link to the console");

        RobotReceiver texting = robot(KEY, List.of("13800001111"));
        assertTrue(await(texting.send(RobotTestKit.burst(81))).delivered());
        String text = wecom.requests.get(1).body().getJsonObject("text").getString("content");
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= 2048, text.getBytes(StandardCharsets.UTF_8).length + " bytes");
        RobotTestKit.assertAllAccountedFor(text, 81);
    }

    @Test
    void rateLimitIsRetryableAfterAMinuteAndABadKeyIsNotAndStaysMasked() throws Exception {
        wecom.answer(r -> new FakeRobot.Reply(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
        SendResult limited = await(robot(KEY, List.of()).send(List.of(one(AlertStatus.FIRING, false))));
        assertFalse(limited.delivered());
        assertTrue(limited.retryable());
        assertEquals(Duration.ofSeconds(60), limited.retryAfter());

        wecom.answer(r -> new FakeRobot.Reply(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url: key "
                + r.query().get("key") + "\"}"));
        SendResult bad = await(robot(KEY, List.of()).send(List.of(one(AlertStatus.FIRING, false))));
        assertFalse(bad.delivered());
        assertFalse(bad.retryable());
        assertEquals("WeCom errcode 93000 (the robot key is not valid): invalid webhook url: key …3f9a", bad.error());
    }

    @Test
    void http429HonoursRetryAfter() throws Exception {
        wecom.answer(r -> new FakeRobot.Reply(429, "{}"));
        SendResult r = await(robot(KEY, List.of()).send(List.of(one(AlertStatus.FIRING, false))));
        assertTrue(r.retryable());
        assertEquals(429, r.status());
    }
}
