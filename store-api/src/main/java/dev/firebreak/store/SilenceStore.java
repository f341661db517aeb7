package dev.firebreak.store;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Silences by id. */
public interface SilenceStore {

    /** Stores a silence under its id (replacing one with the same id). */
    CompletionStage<Void> saveSilence(String id, String json);

    CompletionStage<Boolean> deleteSilence(String id);

    CompletionStage<List<String>> silences();
}
