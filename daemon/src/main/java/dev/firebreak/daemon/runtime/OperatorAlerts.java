package dev.firebreak.daemon.runtime;

import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Severity;
import dev.firebreak.core.Story;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.rules.RuleVersion;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts for operators, on the same feed as the others: a connector whose account needs
 * re-authorisation, or whose configuration the platform refuses. One alert per connector, problem and
 * day (the id says so), however many feeds or restarts hit it. Recorded on the pipeline's worker like
 * every alert, so the feed loop's event loop never waits on the store.
 */
public final class OperatorAlerts {
    public static final String RULE_ID = "connector-health";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorAlerts.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AlertPublisher publisher;
    private final PipelineRunner worker;
    private final Clock clock;

    public OperatorAlerts(AlertPublisher publisher, PipelineRunner worker) {
        this(publisher, worker, Clock.system(CHINA));
    }

    OperatorAlerts(AlertPublisher publisher, PipelineRunner worker, Clock clock) {
        this.publisher = publisher;
        this.worker = worker;
        this.clock = clock.withZone(CHINA);
    }

    /** Completes with true if the alert was new (false: raised before today); a failure is logged. */
    Future<Boolean> raise(String connectorId, String type, PlatformException problem) {
        Alert alert = alert(connectorId, type, problem);
        return worker.onWorker(() -> publisher.record(AlertVersion.fired(alert, List.of(), System.nanoTime())))
                .onFailure(e -> LOG.error("Could not record the operator alert for connector {}: {}", connectorId, e.toString()));
    }

    private Alert alert(String connectorId, String type, PlatformException problem) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String what = problem.action() == ErrorAction.REAUTH
                ? "连接器 " + connectorId + "（" + type + "）的账号授权已失效，需要重新授权 / the " + type + " account of connector "
                        + connectorId + " needs re-authorisation: "
                : "连接器 " + connectorId + "（" + type + "）已停止，需要检查配置 / connector " + connectorId
                        + " stopped and needs its configuration checked: ";
        String group = connectorId + "/" + problem.action() + "/" + LocalDate.now(clock);
        return new Alert(RuleVersion.alertId(RULE_ID, group), RULE_ID, "1", Severity.P2,
                "connector:" + connectorId, now, what + problem.getMessage(), List.of(),
                new Story.Figures(0, 0, null, 0), AlertStatus.FIRING);
    }
}
