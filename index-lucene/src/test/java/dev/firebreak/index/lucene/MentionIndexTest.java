package dev.firebreak.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.store.SearchResult;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MentionIndexTest {
    @TempDir
    Path dir;

    static ScoredMention scored(Platform p, String id, String text, String time) {
        Mention m = new Mention(p, id, Kind.POST, text, OffsetDateTime.parse("2026-11-20T" + time + "+08:00"),
                new Author("a" + id, "某人", 10, false), null, null, null, Metrics.ZERO);
        return new ScoredMention(m, new Analysis(Sentiment.NEGATIVE, 0.9, null, List.of(), null, List.of(), "t"), m.key());
    }

    @Test
    void upsertByIdKeepsOneDocumentPerMention() throws Exception {
        try (MentionIndex index = MentionIndex.open(dir)) {
            index.upsert(List.of(scored(Platform.WEIBO, "1", "暖途空气炸锅冒烟了", "10:00:00")));
            index.commit();
            index.upsert(List.of(scored(Platform.WEIBO, "1", "暖途空气炸锅冒烟了（已编辑）", "10:00:00"),
                    scored(Platform.DOUYIN, "1", "同一个号，不同平台", "10:01:00")));
            index.commit();
            assertEquals(2, index.count());
            assertEquals(1, index.countId("weibo:1"));
            assertEquals("暖途空气炸锅冒烟了（已编辑）", index.get("weibo:1").orElseThrow().mention().text());
        }
    }

    @Test
    void committedMentionsSurviveAReopen() throws Exception {
        ScoredMention m = scored(Platform.XIAOHONGSHU, "65a1", "暖途加湿器漏水", "10:00:00");
        try (MentionIndex index = MentionIndex.open(dir)) {
            index.upsert(List.of(m));
            index.commit();
        }
        try (MentionIndex index = MentionIndex.open(dir)) {
            assertEquals(m, index.get("xiaohongshu:65a1").orElseThrow(), "the stored source round-trips whole");
        }
    }

    @Test
    void searchesChineseByWordWithFieldFiltersAndTimeRangeNewestFirst() throws Exception {
        try (MentionIndex index = MentionIndex.open(dir)) {
            index.upsert(List.of(
                    scored(Platform.WEIBO, "1", "暖途空气炸锅用了三天就冒烟了", "10:00:00"),
                    scored(Platform.DOUYIN, "2", "这个空气炸锅很好用", "11:00:00"),
                    scored(Platform.WEIBO, "3", "电暖器退款被拒", "12:00:00")));
            index.commit();
            SearchResult all = index.search("空气炸锅", Long.MIN_VALUE, Long.MAX_VALUE, 10);
            assertEquals(2, all.total());
            assertEquals(List.of("douyin:2", "weibo:1"), all.hits().stream().map(ScoredMention::key).toList());
            assertEquals(1, index.search("空气炸锅 AND platform:weibo", Long.MIN_VALUE, Long.MAX_VALUE, 10).total());
            long from = OffsetDateTime.parse("2026-11-20T10:30:00+08:00").toInstant().toEpochMilli();
            assertEquals(List.of("weibo:3", "douyin:2"), index.search("", from, Long.MAX_VALUE, 10).hits().stream()
                    .map(ScoredMention::key).toList());
            assertEquals(1, index.search("", Long.MIN_VALUE, Long.MAX_VALUE, 1).hits().size());
            assertEquals(3, index.search("", Long.MIN_VALUE, Long.MAX_VALUE, 1).total());
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> index.search("(退款", Long.MIN_VALUE, Long.MAX_VALUE, 10));
            assertEquals("column 4: expected \")\" to close \"(\" at column 1", bad.getMessage());
            String huge = String.join(" OR ", java.util.stream.IntStream.range(0, 1100).mapToObj(i -> "词" + i).toList());
            IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                    () -> index.search(huge, Long.MIN_VALUE, Long.MAX_VALUE, 10));
            assertEquals("query is too large to search: more than 1024 terms and clauses", tooBig.getMessage());
        }
    }

    @Test
    void anIndexOfAnOlderSchemaIsRewrittenFromItsStoredSourcesAtOpen() throws Exception {
        ScoredMention m = scored(Platform.WEIBO, "7", "T7炸锅退款不给", "10:00:00");
        // Schema 1 kept no version and had no character field: all that carries over is the stored source.
        try (var directory = FSDirectory.open(dir);
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField(MentionSchema.ID, m.key(), Field.Store.YES));
            doc.add(new LongPoint(MentionSchema.CREATED_AT, 0));
            doc.add(new NumericDocValuesField(MentionSchema.CREATED_AT, 0));
            doc.add(new StoredField(MentionSchema.SOURCE, FirebreakJson.write(m)));
            writer.addDocument(doc);
            writer.commit();
        }
        try (MentionIndex index = MentionIndex.open(dir)) {
            assertEquals(1, index.rewrittenAtOpen());
            assertEquals(1, index.search("t7 退款", Long.MIN_VALUE, Long.MAX_VALUE, 10).total());
            assertEquals(1, index.count());
        }
        try (MentionIndex index = MentionIndex.open(dir)) {
            assertEquals(0, index.rewrittenAtOpen(), "once is enough");
            assertEquals(1, index.search("t7 退款", Long.MIN_VALUE, Long.MAX_VALUE, 10).total());
        }
    }
    @Test
    void eachWriterFindsItsOwnMentionRightAfterCommitWhileAnotherWriterCommits() throws Exception {
        int rounds = 100;
        try (MentionIndex index = MentionIndex.open(dir)) {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<List<String>>> missed = new java.util.ArrayList<>();
                for (Platform platform : List.of(Platform.WEIBO, Platform.DOUYIN)) {
                    missed.add(writers.submit(() -> {
                        List<String> notFound = new java.util.ArrayList<>();
                        for (int i = 0; i < rounds; i++) {
                            together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                            ScoredMention m = scored(platform, "c" + i, "暖途空气炸锅冒烟了 " + i, "10:00:00");
                            index.upsert(List.of(m));
                            index.commit();
                            if (index.get(m.key()).isEmpty()) {
                                notFound.add(m.key());
                            }
                        }
                        return notFound;
                    }));
                }
                for (var f : missed) {
                    assertEquals(List.of(), f.get(60, java.util.concurrent.TimeUnit.SECONDS),
                            "mentions a writer could not find right after its own commit");
                }
            } finally {
                writers.shutdownNow();
            }
            assertEquals(2L * rounds, index.count());
        }
    }
}
