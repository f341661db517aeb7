package dev.firebreak.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.store.MentionStore;
import dev.firebreak.store.MentionStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code rules backtest} reads: an index a running daemon holds open for writing. */
class ReadOnlyMentionIndexTest {
    @TempDir
    Path dir;

    private static ScoredMention at(String id, String time) {
        return MentionStoreContract.scored(dev.firebreak.core.Platform.WEIBO, id, "退款", time);
    }

    @Test
    void readsTheLastCommitOfAnIndexAnotherWriterHoldsOpenAndRefusesWrites() throws Exception {
        try (MentionIndex writer = MentionIndex.open(dir)) {
            writer.upsert(List.of(at("1", "10:00:00"), at("2", "11:00:00")));
            writer.commit();
            writer.upsert(List.of(at("3", "12:00:00")));   // not committed: not there for a reader
            try (MentionStore reader = MentionIndex.openReadOnly(dir)) {
                assertEquals(2, reader.count());
                assertEquals(List.of("weibo:2"), reader.newest(1).hits().stream().map(ScoredMention::key).toList());
                List<String> scanned = new ArrayList<>();
                assertEquals(2, reader.scan(Long.MIN_VALUE, Long.MAX_VALUE, m -> scanned.add(m.key())));
                assertEquals(List.of("weibo:1", "weibo:2"), scanned);
                assertEquals(2, reader.search("退款", Long.MIN_VALUE, Long.MAX_VALUE, 10).total());
                assertThrows(UnsupportedOperationException.class, () -> reader.upsert(List.of(at("4", "13:00:00"))));
                assertThrows(UnsupportedOperationException.class, reader::commit);
            }
        }
    }
}
