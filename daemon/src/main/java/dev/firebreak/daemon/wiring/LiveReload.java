package dev.firebreak.daemon.wiring;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.alerting.RuleSets;
import dev.firebreak.daemon.config.ConfigChanges;
import dev.firebreak.daemon.config.ConfigError;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.rules.file.RuleFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configuration reload while running (SIGHUP). What can change live is applied — the rules (folder and
 * channel names), the configured channels' senders, a polled connector's settings (its schedule, pace,
 * keywords...) — and every other changed key is logged as {@code needs a restart: KEY} and left as it was.
 * A new configuration whose rules do not check is refused whole, with its problems; the old one stays.
 */
public final class LiveReload {
    private static final Logger LOG = LoggerFactory.getLogger(LiveReload.class);

    /** What a reload did: what it applied and the keys that only a restart applies. */
    public record Outcome(List<String> applied, List<String> needRestart) { }

    private final AlertingComponent alerting;
    private final DeliveryComponent delivery;
    private final PipelineComponent pipeline;
    private final ConnectorsComponent connectors;
    private FirebreakConfig inForce;

    public LiveReload(FirebreakConfig initial, AlertingComponent alerting, DeliveryComponent delivery,
                      PipelineComponent pipeline, ConnectorsComponent connectors) {
        this.inForce = initial;
        this.alerting = alerting;
        this.delivery = delivery;
        this.pipeline = pipeline;
        this.connectors = connectors;
    }

    /** Applies {@code next} (already read and checked by the loader); throws when its rules do not check. */
    public synchronized Outcome apply(FirebreakConfig next) throws Exception {
        try {
            RuleSets.load(next.alerting());
        } catch (RuleFileException e) {
            throw new ConfigError(e.problems());
        } catch (IOException e) {
            throw new ConfigError(List.of(next.alerting().rulesDir() + ": cannot read the rules: " + e.getMessage()));
        }
        ConfigChanges changes = ConfigChanges.between(inForce, next);
        List<String> applied = new ArrayList<>();
        List<String> restart = new ArrayList<>(changes.otherKeys());
        if (changes.channels()) {
            applied.add("channels " + delivery.reconfigureChannels(next.alerting().channelConfigs()));
        }
        // Rules are loaded on every reload: a HUP is also how an admin says "read the rule folder now".
        pipeline.reloadRules(next.alerting());
        applied.add("rules");
        List<ConnectorConfig> inForceConnectors = new ArrayList<>(inForce.connectors());
        for (ConnectorConfig c : changes.connectors()) {
            if (!connectors.changesLive(c.id())) {
                restart.add("connectors." + c.id());
                continue;
            }
            connectors.reconfigure(c);
            applied.add("connectors." + c.id());
            inForceConnectors.replaceAll(old -> old.id().equals(c.id()) ? c : old);
        }
        restart.forEach(key -> LOG.warn("needs a restart: {}", key));
        inForce = new FirebreakConfig(inForce.dataDir(), inForce.httpHost(), inForce.httpPort(), inForce.redisUri(),
                inForceConnectors, next.alerting(), inForce.analysis(), inForce.publicUrl(), inForce.logging(), inForce.brand(),
                inForce.serviceClocks());
        LOG.info("configuration reloaded: applied {}{}", String.join(", ", applied),
                restart.isEmpty() ? "" : "; " + restart.size() + " changed keys need a restart");
        return new Outcome(List.copyOf(applied), List.copyOf(restart));
    }
}
