package dev.firebreak.store;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Capped logs of JSON entries by name, newest first: an implementation keeps a fixed number of the
 * newest entries per log (given when it is made) and lets older ones fall off.
 */
public interface AuditLog {

    CompletionStage<Void> append(String log, String entryJson);

    /** The newest {@code limit} entries of a log, newest first. */
    CompletionStage<List<String>> latest(String log, int limit);
}
