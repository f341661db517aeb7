package dev.firebreak.tools.train;

import dev.firebreak.progress.Progress;
import dev.firebreak.analysis.model.SentimentModel;
import dev.firebreak.daemon.cli.Args;
import dev.firebreak.daemon.cli.ToolCommand;
import dev.firebreak.tools.SharedData;
import dev.firebreak.analysis.model.SentimentModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code firebreak train}: trains the sentiment and emotion model from the labelled data sets (and an
 * admin's own labelled mentions), writes it, reads it back and prints its held-out dev figures and
 * scoring speed.
 */
public final class TrainCommand implements ToolCommand {
    static final String HELP = """
            Usage: firebreak train [--data DIR] [--extra FILE.csv]... [--out FILE] [--report FILE.md] [--seed S]

            Trains Firebreak's sentiment (P(negative)) and emotion model from every label,text CSV in DIR
            and in each --extra file, holds out ~10% of each file as dev (md5 of the text), writes the
            model, reads it back and prints the dev figures and the scoring speed.

              --data DIR        the labelled data sets (default: shared/data/sentiment in the current
                                folder or the nearest parent folder that has one; the folder used is
                                printed on stderr)
              --extra FILE.csv  your own labelled mentions, same label,text CSV; repeat the option or give
                                a comma list. Labels 0/1 or negative/positive train the sentiment head,
                                neutral/happy/angry/sad/fear/surprise the emotion head. Bad lines are
                                reported as FILE:LINE: what is wrong, and skipped.
              --out FILE        where to write the model (default ./firebreak-sentiment.bin)
              --report FILE.md  also write the figures as markdown
              --seed S          shuffling seed (default 1); the same data and seed give the same model
              --model-version V the name stored in the model (default firebreak-sentiment-DATE, with
                                -custom appended when --extra is given)
            Tuning (defaults are the shipped model's): --epochs N, --ngrams N (longest char n-gram),
              --bits N (2^N hashed buckets), --rate R (AdaGrad), --l2 X, and on|off for --nb (naive-Bayes
              feature weighting), --stack (emotion head reads the sentiment logit), --balance (class-
              weighted emotions), --polarity (emotion labels also train the sentiment head).

            Load the result in the daemon with analysis.model: FILE, or in code SentimentModel.load(Path).
            """;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public int run(String[] argv) throws Exception {
        Args args = new Args("train", argv, 1, Set.of("data", "extra", "out", "report", "seed", "model-version",
                "epochs", "ngrams", "bits", "rate", "l2", "nb", "stack", "balance", "polarity"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        if (!args.positional().isEmpty()) throw new Args.UsageException("train: unexpected argument " + args.positional().get(0));
        Path data = dataDir(args.get("data"));
        List<Path> extras = new ArrayList<>();
        for (String value : args.all("extra")) {
            for (String part : value.split(",")) if (!part.isBlank()) extras.add(Path.of(part.strip()));
        }
        Path out = Path.of(args.get("out") == null ? "firebreak-sentiment.bin" : args.get("out"));
        long seed = number(args, "seed", 1);
        Hyperparameters h = hyperparameters(args);
        String version = args.get("model-version") != null ? args.get("model-version")
                : "firebreak-sentiment-" + LocalDate.now(ZoneOffset.UTC) + (extras.isEmpty() ? "" : "-custom");

        long start = System.nanoTime();
        TrainingData d = TrainingData.load(data, extras, System.err::println);
        System.err.printf(Locale.ROOT, "read %d files: %d texts for training, %d held out as dev, %d bad lines skipped%n",
                d.files().size(), d.train().size(), d.dev().size(), d.skipped());
        SentimentModel trained;
        try (Progress bar = Progress.start("train", -1, System.err)) {
            trained = new Trainer(h, seed, System.err::println).showing(bar).train(d.train(), d.dev(), version);
        }
        trained.save(out);
        SentimentModel model = SentimentModel.load(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<DevFigures> figures = DevFigures.measure(model, d.dev());
        double speed = ScoringSpeed.textsPerSecond(model, d.dev());
        String summary = String.format(Locale.ROOT, """
                model %s written to %s (%,d bytes) in %.0f s
                data: %s (%d files), seed %d; %s
                scoring speed: %,.0f texts/s on one thread (dev texts, mean %.0f chars)
                """, model.version(), out, Files.size(out), seconds, data == null ? "none" : data, d.files().size(),
                seed, h, speed, meanChars(d.dev()));
        String table = DevFigures.markdown(figures);
        System.out.print(summary + "\n" + table);
        if (args.get("report") != null) {
            Files.writeString(Path.of(args.get("report")), "# " + model.version() + "\n\n```\n" + summary + "```\n\n"
                    + "Held-out dev split (md5(\"firebreak-dev|\"+text) % 10 == 0 of each file):\n\n" + table);
        }
        return 0;
    }

    /** --data, or the nearest shared/data/sentiment walking up from the current folder. */
    static Path dataDir(String option) throws Args.UsageException {
        Path dir = SharedData.resolve("train", option, "data/sentiment", "DIR");
        if (!Files.isDirectory(dir)) throw new Args.UsageException("train: --data " + dir + ": not a directory");
        return dir;
    }

    private static Hyperparameters hyperparameters(Args args) throws Args.UsageException {
        Hyperparameters d = Hyperparameters.defaults();
        Hyperparameters h = d.withEpochs((int) number(args, "epochs", d.epochs()))
                .withNgrams((int) number(args, "ngrams", d.maxNgram()))
                .withBucketBits((int) number(args, "bits", d.bucketBits()))
                .withLearningRate(real(args, "rate", d.learningRate()))
                .withL2(real(args, "l2", d.l2()))
                .withFlags(flag(args, "nb", d.nbWeighting()), flag(args, "stack", d.emotionStacking()),
                        flag(args, "balance", d.balanceEmotions()), flag(args, "polarity", d.emotionPolarity()));
        if (h.epochs() < 1 || h.maxNgram() < 1 || h.maxNgram() > 6 || h.bucketBits() < 10 || h.bucketBits() > 24) {
            throw new Args.UsageException("train: need --epochs ≥ 1, --ngrams 1..6 and --bits 10..24");
        }
        return h;
    }

    private static long number(Args args, String name, long fallback) throws Args.UsageException {
        String v = args.get(name);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Args.UsageException("train: --" + name + ": expected a whole number, got \"" + v + "\"");
        }
    }

    private static double real(Args args, String name, double fallback) throws Args.UsageException {
        String v = args.get(name);
        try {
            double x = v == null ? fallback : Double.parseDouble(v);
            if (x >= 0 && Double.isFinite(x)) return x;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Args.UsageException("train: --" + name + ": expected a number ≥ 0, got \"" + v + "\"");
    }

    private static boolean flag(Args args, String name, boolean fallback) throws Args.UsageException {
        String v = args.get(name);
        if (v == null) return fallback;
        if (v.equals("on")) return true;
        if (v.equals("off")) return false;
        throw new Args.UsageException("train: --" + name + ": expected on or off, got \"" + v + "\"");
    }

    private static double meanChars(List<LabelledText> texts) {
        return texts.stream().mapToInt(t -> t.text().length()).average().orElse(0);
    }
}
