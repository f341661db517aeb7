package dev.firebreak.store;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The history of rule changes (who, when, diff). */
public interface RuleChanges {

    /** Appends a rule change (who, when, diff) and returns its number. */
    CompletionStage<Long> recordRuleChange(String json);

    /** The newest rule changes first. */
    CompletionStage<List<String>> ruleChanges(int limit);

    /** How many rule changes there are (the number of the newest), without reading them. */
    CompletionStage<Long> ruleChangeCount();
}
