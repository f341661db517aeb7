package dev.firebreak.daemon.runtime;

import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Severity;
import dev.firebreak.core.Story;
import dev.firebreak.daemon.pipeline.AlertRecorder;
import dev.firebreak.rules.RuleVersion;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts for operators, on the same feed as the others: a connector whose account needs
 * re-authorisation, or whose configuration the platform refuses. One alert per connector, problem and
 * day (the id says so), however many feeds or restarts hit it.
 */
public final class OperatorAlerts {
    public static final String RULE_ID = "connector-health";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorAlerts.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AlertRecorder recorder;

    public OperatorAlerts(AlertRecorder recorder) {
        this.recorder = recorder;
    }

    void raise(String connectorId, String type, PlatformException problem) {
        OffsetDateTime now = OffsetDateTime.now(CHINA);
        String what = problem.action() == ErrorAction.REAUTH
                ? "连接器 " + connectorId + "（" + type + "）的账号授权已失效，需要重新授权 / the " + type + " account of connector "
                        + connectorId + " needs re-authorisation: "
                : "连接器 " + connectorId + "（" + type + "）已停止，需要检查配置 / connector " + connectorId
                        + " stopped and needs its configuration checked: ";
        String group = connectorId + "/" + problem.action() + "/" + LocalDate.now(CHINA);
        Alert alert = new Alert(RuleVersion.alertId(RULE_ID, group), RULE_ID, "1", Severity.P2,
                "connector:" + connectorId, now, what + problem.getMessage(), List.of(),
                new Story.Figures(0, 0, null, 0), AlertStatus.FIRING);
        try {
            recorder.record(alert, System.nanoTime());
        } catch (Exception e) {
            LOG.error("Could not record the operator alert for connector {}: {}", connectorId, e.toString());
        }
    }
}
