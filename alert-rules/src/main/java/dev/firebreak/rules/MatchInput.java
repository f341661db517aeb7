package dev.firebreak.rules;

import dev.firebreak.core.Mention;
import java.util.function.Function;

/**
 * One mention as every match of one evaluation sees it: whatever a {@link MatchCompiler} derives
 * from the mention (a tokenised target, say) is made once and shared by all rules and silences.
 * Not thread-safe; lives for one evaluation.
 */
public final class MatchInput {
    private final Mention mention;
    private Object prepared;

    private MatchInput(Mention mention) {
        this.mention = mention;
    }

    public static MatchInput of(Mention mention) {
        return new MatchInput(mention);
    }

    public Mention mention() {
        return mention;
    }

    /** The mention prepared by {@code prepare}, made on first use and reused after that. */
    public <T> T prepared(Class<T> type, Function<Mention, T> prepare) {
        if (!type.isInstance(prepared)) {
            prepared = prepare.apply(mention);
        }
        return type.cast(prepared);
    }
}
