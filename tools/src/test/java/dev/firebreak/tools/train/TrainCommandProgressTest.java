package dev.firebreak.tools.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firebreak train} counts every text of every epoch on stderr, against epochs x texts. */
class TrainCommandProgressTest {
    @TempDir
    Path tmp;

    @Test
    void trainingShowsItsProgressAgainstEpochsTimesTexts() throws Exception {
        List<String> rows = new ArrayList<>(List.of("label,text"));
        for (int i = 0; i < 150; i++) {
            rows.add("1,暖途加湿器真好用 第" + i + "次推荐给朋友");
            rows.add("0,暖途电暖器漏电 退款被拒 第" + i + "次投诉");
        }
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.write(data.resolve("small.csv"), rows, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        PrintStream oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new TrainCommand().run(new String[] {"train", "--data", data.toString(), "--out",
                    tmp.resolve("m.bin").toString(), "--epochs", "3", "--bits", "12"});
        } finally {
            System.setErr(old);
            System.setOut(oldOut);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, stderr);
        Matcher texts = Pattern.compile("training on (\\d+) sentiment and 0 emotion texts").matcher(stderr);
        assertTrue(texts.find(), stderr);
        long total = 3L * Long.parseLong(texts.group(1));
        String n = String.format(Locale.ROOT, "%,d", total);
        assertTrue(stderr.contains("train: " + n + " / " + n + " (100%)"), stderr);
    }
}
