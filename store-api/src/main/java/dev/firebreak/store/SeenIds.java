package dev.firebreak.store;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Which mentions were already fully processed, so a re-poll after a crash does no step twice. */
public interface SeenIds {

    /** Which of these mention ids were already fully processed. */
    CompletionStage<Set<String>> seen(Collection<String> mentionIds);

    CompletionStage<Void> markSeen(Collection<String> mentionIds);
}
