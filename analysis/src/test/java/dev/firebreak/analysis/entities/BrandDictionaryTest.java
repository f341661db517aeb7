package dev.firebreak.analysis.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.core.Analysis.Entity;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrandDictionaryTest {
    private static BrandDictionary dict(String text) throws Exception {
        return BrandDictionary.parse("brands.txt", new StringReader(text));
    }

    private static List<String> found(BrandDictionary d, String text) {
        return d.find(text).stream().map(f -> f.entity().text() + "/" + f.entity().type()).toList();
    }

    @Test
    void aProductNameIsOneWholeEntityNotTheBrandAndOtherWords() throws Exception {
        BrandDictionary d = dict("暖途\tBRAND\n暖途T7空气炸锅\tPRODUCT\n小红书\tBRAND\n");
        assertEquals(List.of("小红书/BRAND", "暖途T7空气炸锅/PRODUCT", "暖途/BRAND"),
                found(d, "在小红书看到暖途T7空气炸锅，暖途的客服呢"));
    }

    @Test
    void matchingIgnoresCaseButReportsTheDictionarySpelling() throws Exception {
        BrandDictionary d = dict("NuanTu\tbrand\n");
        assertEquals(List.of("NuanTu/BRAND"), found(d, "nuantu真的不行"));
    }

    @Test
    void aLatinModelNumberDoesNotMatchInsideALongerOne() throws Exception {
        BrandDictionary d = dict("T7\tPRODUCT\n");
        assertEquals(List.of(), found(d, "买了T70和XT7"));
        assertEquals(List.of("T7/PRODUCT"), found(d, "买了T7，坏了"));
    }

    @Test
    void offsetsPointIntoTheText() throws Exception {
        BrandDictionary.Found f = dict("暖途\tBRAND\n").find("我的暖途").get(0);
        assertEquals(new BrandDictionary.Found(new Entity("暖途", "BRAND"), 2, 4), f);
    }

    @Test
    void badLinesAreRefusedWithFileAndLine() {
        assertEquals("brands.txt:2: expected NAME<TAB>TYPE (TYPE is BRAND or PRODUCT), got \"暖途 BRAND\"",
                assertThrows(IllegalArgumentException.class, () -> dict("# c\n暖途 BRAND\n")).getMessage());
        assertEquals("brands.txt:1: unknown type \"SHOP\" for \"暖途\" (expected BRAND or PRODUCT)",
                assertThrows(IllegalArgumentException.class, () -> dict("暖途\tSHOP\n")).getMessage());
        assertEquals("brands.txt:2: \"暖途\" is listed twice",
                assertThrows(IllegalArgumentException.class, () -> dict("暖途\tBRAND\n暖途\tPRODUCT\n")).getMessage());
    }

    @Test
    void theBundledDictionaryIsTheOneInDeploy() throws Exception {
        BrandDictionary deploy = BrandDictionary.load(java.nio.file.Path.of("../deploy/brands.txt"));
        assertEquals(deploy.names(), BrandDictionary.bundled().names());
    }
}
