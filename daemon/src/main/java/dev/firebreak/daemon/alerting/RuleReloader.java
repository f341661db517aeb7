package dev.firebreak.daemon.alerting;

import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.model.RuleSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rules when the admin's folder changes. A folder that does not check is refused with
 * every problem in the log and in {@link #problems()}, and the last good rules stay in force.
 */
public final class RuleReloader {
    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

    /** Replaced by a configuration reload ({@link #reload}); read and written on the pipeline's worker. */
    private volatile AlertingConfig config;
    private final AlertStage stage;
    private String fingerprint;
    private volatile List<String> problems = List.of();

    public RuleReloader(AlertingConfig config, AlertStage stage) throws Exception {
        this.config = config;
        this.stage = stage;
        this.fingerprint = config.rulesDir() == null ? "" : new RuleFolder(config.rulesDir()).fingerprint();
    }

    /** Checks the folder; reloads if it changed. Call it from the pipeline's worker. */
    public void check() {
        if (config.rulesDir() == null) return;
        try {
            String now = new RuleFolder(config.rulesDir()).fingerprint();
            if (now.equals(fingerprint)) return;
            fingerprint = now;
            RuleSet next = RuleSets.load(config);
            stage.setRules(next);
            problems = List.of();
            LOG.info("rules reloaded from {}: {} rules", config.rulesDir(), next.rules().size());
        } catch (RuleFileException e) {
            problems = e.problems();
            LOG.warn("rules in {} refused, the last good rules stay in force:\n  {}", config.rulesDir(),
                    String.join("\n  ", e.problems()));
        } catch (Exception e) {
            problems = List.of(config.rulesDir() + ": " + e.getMessage());
            LOG.warn("rules in {} could not be read, the last good rules stay in force: {}", config.rulesDir(), e.toString());
        }
    }

    /**
     * A configuration reload (SIGHUP): the rules folder and channel names may have changed. Loads the rules
     * at once (not on the next tick); on a refusal nothing changes and the problems are thrown.
     * Call it from the pipeline's worker.
     */
    public void reload(AlertingConfig next) throws Exception {
        RuleSet rules = RuleSets.load(next);
        String now = next.rulesDir() == null ? "" : new RuleFolder(next.rulesDir()).fingerprint();
        stage.setRules(rules);
        config = next;
        fingerprint = now;
        problems = List.of();
        LOG.info("rules reloaded ({}): {} rules", next.rulesDir() == null ? "the built-in pack" : next.rulesDir(),
                rules.rules().size());
    }

    /** Why the folder's latest version was refused; empty when the rules in force are its latest. */
    public List<String> problems() {
        return problems;
    }
}
