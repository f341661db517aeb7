package dev.firebreak.stories.incident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a post's senses are, and how alike two posts' senses are. */
class SensesTest {
    private final SenseReader reader = new SenseReader(FaultLexicon.categories());

    @Test
    void similarityIsAWeightedDiceOfTheSharedSenses() {
        Senses a = new Senses(new long[] {1, 2, 3}, new float[] {1, 1, 2});
        Senses b = new Senses(new long[] {2, 3, 4}, new float[] {1, 1, 1});
        // shared: min(1,1) + min(2,1) = 2; all: 4 + 3 = 7.
        assertEquals(4.0 / 7, a.similarity(b), 1e-9);
        assertEquals(1.0, a.similarity(a), 1e-9);
        assertEquals(0.0, a.similarity(Senses.NONE));
        assertEquals(0.0, a.similarity(new Senses(new long[] {9}, new float[] {5})));
    }

    @Test
    void synonymsAreOneSense() {
        Senses diarrhoea = reader.read("腹泻", List.of());
        Senses runs = reader.read("拉肚子", List.of());
        assertEquals(1, diarrhoea.ids().length);
        assertArrayEquals(diarrhoea.ids(), runs.ids(), "腹泻 and 拉肚子 are one synonym set of the thesaurus");
        assertTrue(diarrhoea.similarity(runs) > 0.9, "nearly all of their weight is shared (each weighs its own rarity)");
    }

    @Test
    void namesCommonWordsAndCategoriesAreNotSenses() {
        // The product's name is taken out; 使用, 今天 and 我们 are too common to say anything; 暖风机 is a category.
        assertTrue(reader.read("今天我们使用暖风机", List.of()).isEmpty());
        Senses named = reader.read("禾畔鲜奶开盒一股馊味", List.of("禾畔鲜奶"));
        Senses unnamed = reader.read("开盒一股馊味", List.of());
        assertEquals(unnamed, named);
    }
}
