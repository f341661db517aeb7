package dev.firebreak.analysis.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Analysis.Entity;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real CoreNLP Chinese models (loaded once, ~8 s). */
class CoreNlpEntitiesTest {
    static CoreNlpEntities nlp;

    @BeforeAll
    static void load() throws Exception {
        nlp = CoreNlpEntities.load(BrandDictionary.bundled());
    }

    private static List<Entity> entities(String text) {
        return nlp.find(text).stream().map(BrandDictionary.Found::entity).toList();
    }

    @Test
    void findsPeopleAndPlaces() {
        List<Entity> found = entities("北京市朝阳区的王小明说要去12315投诉");
        assertTrue(found.contains(new Entity("王小明", "PERSON")), found.toString());
        assertTrue(found.contains(new Entity("北京市", "LOCATION")), found.toString());
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "@小李 http://t.cn/abc 上海的王小明";
        for (BrandDictionary.Found f : nlp.find(text)) {
            assertEquals(f.entity().text(), text.substring(f.start(), f.end()));
        }
    }

    @Test
    void atNamesAndUrlsAreNotReadAsTheAuthorsWords() {
        // A Weibo @name runs to the next space or punctuation mark.
        assertEquals("     今天 新 ", CoreNlpEntities.blankNoise("@王小明 今天#新#"));
        assertFalse(entities("@王小明 你好").contains(new Entity("王小明", "PERSON")));
    }

    @Test
    void onlyTheFirstThousandCharactersOfAVeryLongTextAreRead() {
        String text = "好".repeat(CoreNlpEntities.MAX_CHARS) + "上海的王小明" + "差".repeat(9_000);
        assertEquals(List.of(), entities(text));
    }

    @Test
    void emptyAndEmojiOnlyTextsHaveNoEntities() {
        assertEquals(List.of(), entities(""));
        assertEquals(List.of(), entities("\uD83D\uDE00\uD83D\uDE21 \uD83D"));
    }

    @Test
    void theDictionaryWinsWhereItOverlapsCoreNlp() {
        String text = "暖途T7空气炸锅在上海坏了";
        List<Entity> merged = EntityMerge.merge(BrandDictionary.bundled().find(text),
                List.of(new BrandDictionary.Found(new Entity("暖途T7", "ORGANIZATION"), 0, 4),
                        new BrandDictionary.Found(new Entity("上海", "LOCATION"), 9, 11)));
        assertEquals(List.of(new Entity("暖途T7空气炸锅", "PRODUCT"), new Entity("上海", "LOCATION")), merged);
    }
}
