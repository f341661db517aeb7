package dev.firebreak.store;

import dev.firebreak.core.ScoredMention;
import java.util.List;

/** {@code total} matching mentions, and the first of them, newest first. */
public record SearchResult(long total, List<ScoredMention> hits) { }
