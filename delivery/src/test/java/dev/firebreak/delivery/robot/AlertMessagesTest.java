package dev.firebreak.delivery.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Severity;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wording of robot messages: new, update, escalation, resolution; and digests. */
class AlertMessagesTest {
    private final AlertMessages messages = new AlertMessages(RobotTestKit.LINKS);

    private RobotMessage render(AlertStatus status, boolean followUp, int escalationLevel) {
        Alert a = RobotTestKit.alert("a1", Severity.P2, status, 40, "负面声量激增");
        String json = FirebreakJson.write(a);
        if (escalationLevel > 0) json = new JsonObject(json).put("escalationLevel", escalationLevel).encode();
        return messages.single(RobotTestKit.delivery(json, a, followUp));
    }

    @Test
    void theTitleSaysWhatHappenedToTheAlert() {
        assertEquals("【新告警】P2 负面声量激增", render(AlertStatus.FIRING, false, 0).title());
        assertEquals("【更新】P2 负面声量激增", render(AlertStatus.FIRING, true, 0).title());
        assertEquals("【更新】P2 负面声量激增", render(AlertStatus.ACKNOWLEDGED, true, 0).title());
        assertEquals("【升级】P2 负面声量激增", render(AlertStatus.FIRING, true, 2).title());
        assertEquals("【已解决】P2 负面声量激增", render(AlertStatus.RESOLVED, true, 0).title());
        assertTrue(render(AlertStatus.FIRING, true, 2).lines().get(0).endsWith("**升级**：第 2 级"));
        assertTrue(render(AlertStatus.ACKNOWLEDGED, true, 0).lines().get(0).endsWith("**状态**：已确认"));
    }

    @Test
    void onlyAFiringAlertHasAnAcknowledgeButton() {
        assertEquals(List.of("确认 Acknowledge", "查看 View"),
                render(AlertStatus.FIRING, false, 0).buttons().stream().map(RobotMessage.Button::text).toList());
        assertEquals(List.of("查看 View"),
                render(AlertStatus.ACKNOWLEDGED, true, 0).buttons().stream().map(RobotMessage.Button::text).toList());
        assertTrue(render(AlertStatus.RESOLVED, true, 0).resolved());
    }

    @Test
    void markdownInTheReasonCannotMakeLinks() {
        Alert a = RobotTestKit.alert("a1", Severity.P2, AlertStatus.FIRING, 4, "点此[领奖](http://evil.example) **急**");
        String reasonLine = messages.single(RobotTestKit.delivery(a, false)).lines().get(1);
        assertEquals("**原因**：点此【领奖】(http://evil.example) ＊＊急＊＊", reasonLine);
    }

    @Test
    void aDigestThatFitsListsEveryAlertWithItsAcknowledgeLink() {
        RobotMessage m = messages.digest(RobotTestKit.burst(3), x -> true);
        assertTrue(m.digest());
        assertEquals("【汇总】3 条告警 / 3 alerts", m.title());
        assertEquals(4, m.lines().size());
        assertTrue(m.lines().get(1).startsWith("1. **P1** 【新告警】"), m.lines().get(1));
        assertTrue(m.lines().get(3).contains("[确认](https://firebreak.example.com/ack/"), m.lines().get(3));
    }

    @Test
    void aCutDigestDropsPerLineLinksToListMoreAndCountsTheRest() {
        int budget = 3000;
        RobotMessage m = messages.digest(RobotTestKit.burst(81), x -> x.markdownBody("\n").length() <= budget);
        String body = m.markdownBody("\n");
        assertTrue(body.length() <= budget);
        assertFalse(body.contains("/ack/"), "no room for links: more alerts listed instead");
        int listed = RobotTestKit.assertAllAccountedFor(body, 81);
        assertTrue(listed >= 20, listed + " listed");
    }
}
