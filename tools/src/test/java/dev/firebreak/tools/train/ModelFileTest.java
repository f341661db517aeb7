package dev.firebreak.tools.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.analysis.model.ModelFormatException;
import dev.firebreak.analysis.model.SentimentModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static SentimentModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        model = new Trainer(TrainerTest.SMALL, 1, line -> { }).train(TrainerTest.synthetic(1, 300), List.of(),
                "firebreak-sentiment-test");
    }

    @Test
    void roundTripGivesIdenticalScores() {
        Path file = dir.resolve("m.bin");
        model.save(file);
        SentimentModel loaded = SentimentModel.load(file);
        assertEquals("firebreak-sentiment-test", loaded.version());
        for (LabelledText t : TrainerTest.synthetic(9, 100)) {
            assertEquals(model.score(t.text()), loaded.score(t.text()));
        }
        assertEquals(model.score(""), loaded.score(""));
    }

    @Test
    void wrongMagicSaysItIsNotAModel() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a model");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SentimentModel.load(file));
        assertEquals("model file " + file + ": not a Firebreak sentiment model (it starts with 0x68656c6c, expected \"FBSM\")",
                e.getMessage());
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertTrue(assertThrows(ModelFormatException.class, () -> SentimentModel.load(empty)).getMessage()
                .contains("the file is empty"));
    }

    @Test
    void otherFormatVersionIsNamed() throws IOException {
        byte[] bytes = saved();
        bytes[7] = 9;
        Path file = Files.write(dir.resolve("v9.bin"), bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SentimentModel.load(file));
        assertTrue(e.getMessage().startsWith("model file " + file + ": format version 9, but this Firebreak reads version 1"),
                e.getMessage());
    }

    @Test
    void truncatedFileSaysWhere() throws IOException {
        byte[] bytes = saved();
        Path file = Files.write(dir.resolve("cut.bin"), Arrays.copyOf(bytes, bytes.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SentimentModel.load(file));
        assertTrue(e.getMessage().startsWith("model file " + file + ": truncated (it ends inside the "), e.getMessage());
    }

    @Test
    void flippedByteIsCorrupt() throws IOException {
        byte[] bytes = saved();
        bytes[bytes.length - 12] ^= 0x55;
        Path file = Files.write(dir.resolve("flipped.bin"), bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SentimentModel.load(file));
        assertTrue(e.getMessage().startsWith("model file " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt") || e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.bin");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SentimentModel.load(file));
        assertTrue(e.getMessage().startsWith("model file " + file + ": cannot be read"), e.getMessage());
    }

    private byte[] saved() throws IOException {
        Path file = dir.resolve("saved.bin");
        model.save(file);
        return Files.readAllBytes(file);
    }
}
