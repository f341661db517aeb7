package dev.firebreak.rules;

import dev.firebreak.core.Alert;
import dev.firebreak.core.ScoredMention;
import java.util.Optional;

/** Decides from one scored mention whether an alert fires. Pure: no I/O, same answer for the same input. */
public interface Rule {
    String id();

    /** A short hash of what the rule says: an alert carries it, so a changed rule is visible. */
    String version();

    Optional<Alert> evaluate(ScoredMention mention);
}
