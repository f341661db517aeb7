package dev.firebreak.tools.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.analysis.model.SentimentModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final Hyperparameters SMALL = Hyperparameters.defaults().withBucketBits(14).withEpochs(5);

    /** Reviews made of filler plus one telling phrase; emotions told by one word each. */
    static List<LabelledText> synthetic(long seed, int n) {
        Random r = new Random(seed);
        String[] filler = {"这个", "东西", "昨天", "收到", "包装", "颜色", "价格", "客服", "快递", "今天"};
        String[] good = {"很好用", "非常满意", "好评", "推荐"};
        String[] bad = {"太差了", "退货", "垃圾", "失望"};
        String[] emotionWords = {"通知", "开心", "气死", "难过", "害怕", "居然"};
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 4; k++) s.append(filler[r.nextInt(filler.length)]);
            boolean negative = r.nextBoolean();
            s.insert(r.nextInt(s.length()), (negative ? bad : good)[r.nextInt(4)]);
            out.add(new LabelledText("synthetic", i + 2, s.toString(), LabelledText.Head.SENTIMENT, negative ? 1 : 0));
            int emotion = r.nextInt(6);
            out.add(new LabelledText("synthetic-emotion", i + 2, filler[r.nextInt(filler.length)] + emotionWords[emotion],
                    LabelledText.Head.EMOTION, emotion));
        }
        return out;
    }

    @Test
    void learnsTheSeparation() {
        SentimentModel model = new Trainer(SMALL, 7, line -> { }).train(synthetic(1, 400), List.of(), "test");
        List<DevFigures> figures = DevFigures.measure(model, synthetic(2, 200));
        assertEquals(2, figures.size());
        for (DevFigures f : figures) assertTrue(f.accuracy() > 0.95, f.toString());
        assertTrue(model.score("客服太差了").negative() > 0.7);
        assertTrue(model.score("客服非常满意").negative() < 0.3);
        assertEquals("happy", model.score("今天开心").emotion());
    }

    @Test
    void sameSeedSameModel(@TempDir Path dir) throws IOException {
        List<LabelledText> data = synthetic(3, 200);
        SentimentModel a = new Trainer(SMALL, 5, line -> { }).train(data, List.of(), "same");
        SentimentModel b = new Trainer(SMALL, 5, line -> { }).train(data, List.of(), "same");
        // the saved files hold every quantised weight: equal bytes, equal models
        a.save(dir.resolve("a.bin"));
        b.save(dir.resolve("b.bin"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.bin")), Files.readAllBytes(dir.resolve("b.bin")));
    }

    @Test
    void devSplitIsAboutATenthAndStable() {
        int dev = 0;
        for (int i = 0; i < 10_000; i++) if (DevSplit.isDev("text " + i)) dev++;
        assertTrue(dev > 900 && dev < 1100, "dev: " + dev);
        assertEquals(DevSplit.isDev("质量太差了"), DevSplit.isDev("质量太差了"));
    }
}
