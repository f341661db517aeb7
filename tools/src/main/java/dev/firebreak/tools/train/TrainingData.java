package dev.firebreak.tools.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Every labelled text from a data directory's {@code *.csv} files and any extra files, split by {@link DevSplit}. */
public record TrainingData(List<LabelledText> train, List<LabelledText> dev, List<String> files, int skipped) {

    /** Reads the files; bad records go to {@code problems} as {@code FILE:LINE: ...} and are counted in {@link #skipped}. */
    public static TrainingData load(Path dataDir, List<Path> extras, Consumer<String> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        if (dataDir != null) {
            try (Stream<Path> list = Files.list(dataDir)) {
                list.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
                        .sorted().forEach(files::add);
            }
            if (files.isEmpty()) throw new IOException(dataDir + ": no .csv files in the data directory");
        }
        for (Path extra : extras) {
            if (!Files.isRegularFile(extra)) throw new IOException(extra + ": no such file");
            files.add(extra);
        }
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> dev = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int skipped = 0;
        for (Path file : files) {
            LabelledCsv.Result r = LabelledCsv.read(file, problems);
            skipped += r.skipped();
            names.add(file.toString());
            for (LabelledText t : r.texts()) {
                (DevSplit.isDev(t.text()) ? dev : train).add(t);
            }
        }
        return new TrainingData(List.copyOf(train), List.copyOf(dev), List.copyOf(names), skipped);
    }
}
