package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.index.lucene.MentionIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexStageTest {
    @TempDir
    Path dir;

    @Test
    void newMentionsAreIndexedAndCommitted() throws Exception {
        try (MentionIndex index = MentionIndex.open(dir)) {
            Batch batch = new Batch(List.of(), 0);
            batch.fresh = List.of(negative("1", "s1", 0), negative("2", "s1", 1));
            new IndexStage(index).apply(batch);
            assertEquals(2, index.count());
        }
        long[] committed = {0};
        MentionIndex.scanReadOnly(dir, 0, Long.MAX_VALUE, m -> committed[0]++);
        assertTrue(committed[0] == 2, "committed, so a reader sees them: " + committed[0]);
    }
}
