package dev.firebreak.tools.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.analysis.model.Emotion;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledCsvTest {
    private final List<String> problems = new ArrayList<>();

    private LabelledCsv.Result read(String csv) throws IOException {
        return LabelledCsv.read(new StringReader(csv), "mine.csv", "mine", problems::add);
    }

    @Test
    void readsLabelsForBothHeadsAndQuotedFields() throws IOException {
        LabelledCsv.Result r = read("label,text\n0,太差了\npositive,\"好, 很好\"\nangry,\"他说\"\"气死了\"\"\"\r\n1,\"两\n行\"\nsad,再见\n");
        assertEquals(List.of(), problems);
        List<LabelledText> t = r.texts();
        assertEquals(5, t.size());
        assertEquals(new LabelledText("mine", 2, "太差了", LabelledText.Head.SENTIMENT, 1), t.get(0));
        assertEquals(new LabelledText("mine", 3, "好, 很好", LabelledText.Head.SENTIMENT, 0), t.get(1));
        assertEquals(new LabelledText("mine", 4, "他说\"气死了\"", LabelledText.Head.EMOTION, Emotion.ANGRY.ordinal()), t.get(2));
        assertEquals("两\n行", t.get(3).text());
        assertEquals(7, t.get(4).line(), "a line break inside quotes moves the line count on");
    }

    @Test
    void badLinesAreReportedWithFileAndLineAndSkipped() throws IOException {
        LabelledCsv.Result r = read("label,text\n2,不知道\n0,太差了,多了一列\n1,\n0,\"好\"啊\n0,好的\n1,\"没有结束");
        assertEquals(List.of(
                "mine.csv:2: unknown label \"2\" (expected " + LabelledText.LABELS + ")",
                "mine.csv:3: expected 2 fields (label,text), got 3 (quote a text that has commas)",
                "mine.csv:4: the text is empty",
                "mine.csv:5: unexpected character '啊' after a closing quote (quote the whole field and double any \" inside it)",
                "mine.csv:7: a quoted field is not closed before the end of the file"), problems);
        assertEquals(5, r.skipped());
        assertEquals(1, r.texts().size());
        assertEquals("好的", r.texts().get(0).text());
    }

    @Test
    void noHeaderAndBlankLinesAreFine() throws IOException {
        LabelledCsv.Result r = read("happy,太好了\n\nfear,好怕");
        assertEquals(List.of(), problems);
        assertEquals(2, r.texts().size());
    }
}
