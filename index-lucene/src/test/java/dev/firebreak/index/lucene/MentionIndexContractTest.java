package dev.firebreak.index.lucene;

import dev.firebreak.store.MentionStore;
import dev.firebreak.store.MentionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The mention store's contract, on a Lucene index in a temporary directory. */
class MentionIndexContractTest extends MentionStoreContract {
    @TempDir
    Path dir;

    @Override
    protected MentionStore openEmpty() throws Exception {
        return MentionIndex.open(dir);
    }
}
