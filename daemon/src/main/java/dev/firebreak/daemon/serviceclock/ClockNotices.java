package dev.firebreak.daemon.serviceclock;

import dev.firebreak.daemon.serviceclock.settings.ClockKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.ChinaTime;
import dev.firebreak.core.Durations;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Severity;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.rules.RuleVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the clocks put on the feed, operator-style (no channel is notified): a P4 reminder before a
 * deadline ({@code service-clock-reminder}, fired at its reminder time) and a P2 breach at it
 * ({@code service-clock}, fired at the deadline), each once per
 * alert and clock (the id says so), naming the alert and the clock in the reason and in {@code watches}.
 */
final class ClockNotices {
    static final String BREACH_RULE = "service-clock";
    static final String REMINDER_RULE = "service-clock-reminder";

    private ClockNotices() { }

    static AlertVersion breach(AlertClocks a, ServiceClock c) {
        String reason = "服务时限已超时：告警 " + a.alertId() + " 的" + chinese(c.kind()) + "（" + target(c) + "）于 "
                + local(c.deadline()) + " 到期未完成 / Service clock breached: " + c.kind().key() + " of alert "
                + a.alertId() + " (" + target(c) + ") was due at " + c.deadline();
        return version(new Alert(RuleVersion.alertId(BREACH_RULE, a.alertId() + "/" + c.kind().key()), BREACH_RULE, "1",
                Severity.P2, null, c.deadline().atOffset(ChinaTime.OFFSET), reason, List.of(), null, AlertStatus.FIRING), a, c);
    }

    static AlertVersion reminder(AlertClocks a, ServiceClock c, Instant at) {
        String reason = "服务时限即将到期：告警 " + a.alertId() + " 的" + chinese(c.kind()) + "将于 "
                + local(c.deadline()) + " 到期 / Service clock due soon: " + c.kind().key() + " of alert "
                + a.alertId() + " is due at " + c.deadline();
        return version(new Alert(RuleVersion.alertId(REMINDER_RULE, a.alertId() + "/" + c.kind().key()), REMINDER_RULE, "1",
                Severity.P4, null, at.atOffset(ChinaTime.OFFSET), reason, List.of(), null, AlertStatus.FIRING), a, c);
    }

    private static AlertVersion version(Alert alert, AlertClocks a, ServiceClock c) {
        ObjectNode json = FirebreakJson.mapper().valueToTree(alert);
        json.putObject("watches").put("alertId", a.alertId()).put("clock", c.kind().key())
                .put("deadline", c.deadline().toString());
        return new AlertVersion(alert, FirebreakJson.write(json), false, List.of(), System.nanoTime());
    }

    private static String target(ServiceClock c) {
        return Durations.format(Duration.between(c.startedAt(), c.deadline()));
    }

    private static final java.time.format.DateTimeFormatter LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static String local(Instant at) {
        return LOCAL.format(at.atOffset(ChinaTime.OFFSET));
    }

    static String chinese(ClockKind kind) {
        return switch (kind) {
            case ACKNOWLEDGE -> "确认时限";
            case FIRST_REPLY -> "首次公开回复时限";
            case SUPERVISOR -> "主管介入时限";
        };
    }
}
