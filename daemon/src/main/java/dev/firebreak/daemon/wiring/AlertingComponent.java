package dev.firebreak.daemon.wiring;

import dev.firebreak.core.EventClock;
import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.daemon.alerting.RuleEditor;
import dev.firebreak.daemon.alerting.RuleReloader;
import dev.firebreak.daemon.alerting.RuleSets;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.ConfigError;
import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.model.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rules in force, the alert stage over them (its state restored) and the rule folder's reloader. */
public final class AlertingComponent extends BlockingComponent {
    private static final Logger LOG = LoggerFactory.getLogger(AlertingComponent.class);
    private final AlertingConfig config;
    private final DeliveryComponent delivery;
    private final RedisComponent redis;
    private final EventClock clock;
    private AlertStage alerts;
    private RuleReloader reloader;

    public AlertingComponent(AlertingConfig config, DeliveryComponent delivery, RedisComponent redis, EventClock clock) {
        super("alerting");
        this.clock = clock;
        this.config = config;
        this.delivery = delivery;
        this.redis = redis;
    }

    @Override
    protected void startNow() throws Exception {
        RuleSet rules;
        try {
            rules = RuleSets.load(config);
        } catch (RuleFileException e) {
            throw new ConfigError(e.problems());
        }
        alerts = new AlertStage(rules, delivery.publisher(), redis.lifecycles(), clock);
        alerts.restore();
        reloader = new RuleReloader(config, alerts);
        LOG.info("rules: {} in force ({})", rules.rules().size(),
                config.rulesDir() == null ? "the built-in pack" : "built-in pack + " + config.rulesDir());
    }

    public AlertStage alerts() {
        return alerts;
    }

    public RuleReloader reloader() {
        return reloader;
    }

    /** Rule changes through the API, kept with who, when and the diff. */
    public RuleEditor editor() {
        return new RuleEditor(config, alerts, redis.lifecycles());
    }
}
