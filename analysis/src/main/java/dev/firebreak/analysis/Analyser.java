package dev.firebreak.analysis;

import dev.firebreak.core.Analysis;

/** Reads one text. Implementations are thread-safe and blocking (run them off the event loop). */
@FunctionalInterface
public interface Analyser {
    Analysis analyse(String text);
}
