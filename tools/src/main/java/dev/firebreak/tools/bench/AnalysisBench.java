package dev.firebreak.tools.bench;

import dev.firebreak.daemon.cli.Args;
import dev.firebreak.daemon.cli.SentimentCommand;
import dev.firebreak.tools.SharedData;
import dev.firebreak.analysis.AnalysisModels;
import dev.firebreak.analysis.FirstScorer;
import dev.firebreak.analysis.entities.CoreNlpEntities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code firebreak bench analysis}: mentions/s of the analysis stage on N threads, side by side in
 * one run: first scores alone, CoreNLP alone on the same texts, and the whole stage. No memo: every
 * text is read in full, as if no two mentions repeated each other.
 */
final class AnalysisBench {
    static final String HELP = """
            Usage: firebreak bench analysis [--texts FILE | --data DIR] [--threads N] [--rounds R] [--corenlp-texts M]
                                            [--rate PER_S] [--seconds S]

            Measures the analysis stage on N threads (default 2): first scores (trained model, escalation,
            complaint types, brand dictionary) over every text, then CoreNLP alone (segmenter + NER) and
            the whole stage over the first M texts (default 2000). Each figure is the median of R rounds
            (default 5) after one warm-up round. Then texts arrive at PER_S a second (default 200) for S
            seconds (default 30) and go through the whole stage on N threads: the backlog and the time
            from arrival to done show whether it keeps up. Texts: FILE, one per line, or the texts of the
            labelled sets in DIR (by default shared/data/sentiment, found walking up from the current
            folder; the folder used is printed on stderr).
            """;
    private static final String[] DEFAULT_SETS = {
        "smp2020_ewect_usual_train.csv", "smp2020_ewect_virus_train.csv", "waimai_10k_train.csv",
        "nlpcc2014_sc_train.csv"};

    private AnalysisBench() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("bench analysis", argv, 2, Set.of("texts", "data", "threads", "rounds", "corenlp-texts", "rate", "seconds"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        int threads = Args.positiveInt("bench analysis", "--threads", args.get("threads"), 2);
        int rounds = Args.positiveInt("bench analysis", "--rounds", args.get("rounds"), 5);
        int corenlpTexts = Args.positiveInt("bench analysis", "--corenlp-texts", args.get("corenlp-texts"), 2000);
        int rate = Args.positiveInt("bench analysis", "--rate", args.get("rate"), 200);
        int seconds = Args.positiveInt("bench analysis", "--seconds", args.get("seconds"), 30);
        List<String> texts = texts("bench analysis", args.get("texts"), args.get("data"));
        List<String> slow = texts.subList(0, Math.min(corenlpTexts, texts.size()));
        System.out.printf(Locale.ROOT, "texts: %d distinct (mean %.0f chars); CoreNLP figures on the first %d; %d threads; "
                + "median of %d rounds%n", texts.size(), texts.stream().mapToInt(String::length).average().orElse(0),
                slow.size(), threads, rounds);
        long t0 = System.nanoTime();
        AnalysisModels models = AnalysisModels.load(null, null, true);
        FirstScorer first = models.scorer();
        System.out.printf(Locale.ROOT, "first-score models loaded in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        CoreNlpEntities nlp = models.corenlp().get();
        System.out.printf(Locale.ROOT, "CoreNLP loaded after %.1f s; heap in use after GC: %d MB%n",
                (System.nanoTime() - t0) / 1e9, heapAfterGc());
        report("first scores, 1 thread", texts, 1, rounds, first::analyse);
        report("first scores, " + threads + " threads", texts, threads, rounds, first::analyse);
        report("CoreNLP alone (segment+NER), " + threads + " threads", slow, threads, rounds, nlp::find);
        report("whole stage (first score + CoreNLP), " + threads + " threads", slow, threads, rounds,
                text -> SentimentCommand.analyse(models, nlp, text));
        sustained(slow, threads, rate, seconds, text -> SentimentCommand.analyse(models, nlp, text));
        System.out.printf(Locale.ROOT, "heap in use after GC, all models loaded: %d MB%n", heapAfterGc());
        return 0;
    }

    /**
     * Texts arrive at {@code rate} per second for {@code seconds} (unseen texts, cycling through the
     * list) and go to {@code threads} workers, as mentions reach the enrichment queue: keeping up
     * means the backlog stays small and each text is done soon after it arrives.
     */
    private static void sustained(List<String> texts, int threads, int rate, int seconds, Consumer<String> work)
            throws InterruptedException {
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads,
                0, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>());
        int total = rate * seconds;
        long[] latency = new long[total];
        int maxBacklog = 0;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
            String text = texts.get(i % texts.size()) + " #" + i; // never the same text twice
            int k = i;
            long arrived = System.nanoTime();
            pool.execute(() -> {
                work.accept(text);
                latency[k] = System.nanoTime() - arrived;
            });
            maxBacklog = Math.max(maxBacklog, pool.getQueue().size());
        }
        pool.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latency);
        System.out.printf(Locale.ROOT, "sustained %d/s for %d s through the whole stage on %d threads: all %d done %.1f s "
                + "after the first arrived; backlog at most %d; arrival->done p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                rate, seconds, threads, total, took, maxBacklog, latency[total / 2] / 1e6,
                latency[(int) (total * 0.99)] / 1e6, latency[total - 1] / 1e6);
    }

    private static void report(String what, List<String> texts, int threads, int rounds, Consumer<String> work)
            throws InterruptedException {
        pass(texts, threads, work); // warm-up
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = texts.size() / pass(texts, threads, work);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%-48s %10.0f mentions/s  (min %.0f, max %.0f)%n", what,
                rates[rounds / 2], rates[0], rates[rounds - 1]);
    }

    /** Seconds to read every text once with {@code threads} threads taking texts in turn. */
    private static double pass(List<String> texts, int threads, Consumer<String> work) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> pool = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                for (int k = next.getAndIncrement(); k < texts.size(); k = next.getAndIncrement()) {
                    work.accept(texts.get(k));
                }
            });
            pool.add(t);
            t.start();
        }
        for (Thread t : pool) t.join();
        return (System.nanoTime() - start) / 1e9;
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    /** The texts of {@code file} (one per line), else of the labelled sets in {@code data} or shared/data/sentiment. */
    static List<String> texts(String command, String file, String data) throws IOException, Args.UsageException {
        Set<String> texts = new LinkedHashSet<>();
        if (file != null) {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) texts.add(line.strip());
            }
        } else {
            Path dir = SharedData.resolve(command, data, "data/sentiment", "DIR");
            for (String name : DEFAULT_SETS) {
                // label,text CSV: the text is everything after the first comma (quotes kept: it is only load).
                Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8).stream().skip(1)
                        .map(l -> l.substring(l.indexOf(',') + 1)).filter(t -> !t.isBlank()).forEach(texts::add);
            }
        }
        if (texts.isEmpty()) throw new Args.UsageException(command + ": no texts to read");
        List<String> shuffled = new ArrayList<>(texts);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));
        return shuffled;
    }
}
