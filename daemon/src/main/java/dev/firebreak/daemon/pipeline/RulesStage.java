package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.RuleStage;

/** The rules over the new mentions and their stories: which alerts fire or update. */
public final class RulesStage implements Stage {
    private final RuleStage rules;

    public RulesStage(RuleStage rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public void apply(Batch batch) {
        batch.decisions = rules.evaluate(batch.fresh, batch.stories);
    }
}
