package dev.firebreak.store;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Feed cursors: where each feed resumes. A cursor is saved only after what it covers is indexed. */
public interface CursorStore {
    CompletionStage<Optional<String>> cursor(String feed);

    CompletionStage<Void> saveCursor(String feed, String cursor);
}
