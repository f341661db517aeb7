package dev.firebreak.tools.bench;

import dev.firebreak.progress.Progress;
import dev.firebreak.daemon.cli.Args;
import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.stories.Stories;
import dev.firebreak.stories.StoryAssigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code firebreak bench stories}: story assignment (near-duplicate search, root links) and the
 * story update with its forecast, in pipeline batches, first over a history that fills the story
 * index, then timed over the mentions that follow.
 */
final class StoryBench {
    static final String HELP = """
            Usage: firebreak bench stories [--history N] [--measure M] [--texts FILE | --data DIR]

            Sends N mentions (default 1000000) through story assignment and the story book to fill
            them, then times the next M (default 200000), in batches of 500 as the pipeline does, and
            prints mentions/s, the near-duplicate index's size and the heap in use. A quarter of the
            mentions are originals (texts from FILE, one per line, or the labelled sets in DIR, by
            default shared/data/sentiment found walking up from the current folder), one in ten of them a lightly rewritten copy of a recent
            original from another account; the rest are reposts and comments of recent originals, by
            authors with log-normal follower counts. Event time advances 4 ms per mention (~1 day per
            20 million); the stories book keeps 50,000 stories in memory.
            """;
    private static final int BATCH = 500;
    private static final String[] PREFIXES = {"求扩散！", "转发：", "姐妹们避雷！", "", "#维权# "};

    private StoryBench() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("bench stories", argv, 2, java.util.Set.of("history", "measure", "texts", "data"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        int history = Args.positiveInt("bench stories", "--history", args.get("history"), 1_000_000);
        int measure = Args.positiveInt("bench stories", "--measure", args.get("measure"), 200_000);
        List<String> texts = args.get("texts") != null
                ? Files.readAllLines(Path.of(args.get("texts")), StandardCharsets.UTF_8)
                : AnalysisBench.texts("bench stories", null, args.get("data"));
        Stories stories = Stories.inMemory(Stories.IN_MEMORY);
        Generator gen = new Generator(texts, 7);
        long t0 = System.nanoTime();
        run(stories, gen, history, "history");
        System.out.printf(Locale.ROOT, "history: %,d mentions in %.1f s; near-duplicate index holds %,d originals%n",
                history, (System.nanoTime() - t0) / 1e9, stories.assigner().indexed());
        long[] perBatch = run(stories, gen, measure, "measured");
        double seconds = Arrays.stream(perBatch).sum() / 1e9;
        Arrays.sort(perBatch);
        System.out.printf(Locale.ROOT, "measured: %,d mentions in %.2f s = %,.0f mentions/s (assign + story update + forecast); "
                + "per batch of %d: p50 %.1f ms, p99 %.1f ms%n", measure, seconds, measure / seconds, BATCH,
                perBatch[perBatch.length / 2] / 1e6, perBatch[(int) (perBatch.length * 0.99)] / 1e6);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap in use after GC: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        return 0;
    }

    /** Nanoseconds per batch. */
    private static long[] run(Stories stories, Generator gen, int n, String phase) {
        long[] times = new long[(n + BATCH - 1) / BATCH];
        try (Progress progress = Progress.start("bench stories " + phase, n, System.err)) {
            runBatches(stories, gen, n, times, progress);
        }
        return times;
    }

    private static void runBatches(Stories stories, Generator gen, int n, long[] times, Progress progress) {
        for (int b = 0; b * BATCH < n; b++) {
            List<Mention> batch = gen.next(Math.min(BATCH, n - b * BATCH));
            long start = System.nanoTime();
            // With each mention's first score, as the story stage passes it: topic joining is measured too.
            StoryAssigner.Assignment a = stories.assigner().assignAnalysed(batch, java.util.Collections.nCopies(batch.size(), gen.analysis),
                    gen.links(batch));
            List<ScoredMention> scored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) scored.add(new ScoredMention(batch.get(i), gen.analysis, a.storyIds().get(i)));
            stories.book().record(scored, a.started());
            times[b] = System.nanoTime() - start;
            gen.remember(a.newLinks());
            progress.step(batch.size());
        }
    }

    /** A reproducible stream of originals, copies, reposts and comments. */
    private static final class Generator {
        final Analysis analysis = new Analysis(Sentiment.NEGATIVE, 0.9, "angry", List.of("quality"), null,
                List.of(new Analysis.Entity("暖途T7空气炸锅", "PRODUCT")), "bench");
        private final List<String> texts;
        private final SplittableRandom rnd;
        private final String[] recent = new String[20_000];
        private final String[] recentText = new String[20_000];
        private final java.util.HashMap<String, String> links = new java.util.HashMap<>();
        private long seq;
        private final OffsetDateTime start = OffsetDateTime.parse("2026-11-01T00:00:00+08:00");

        Generator(List<String> texts, long seed) {
            this.texts = texts;
            this.rnd = new SplittableRandom(seed);
        }

        List<Mention> next(int n) {
            List<Mention> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(one());
            return out;
        }

        /** The links a Redis lookup would return for the batch's roots. */
        Map<String, String> links(List<Mention> batch) {
            Map<String, String> known = new java.util.HashMap<>();
            for (String root : StoryAssigner.roots(batch)) {
                String story = links.get(root);
                if (story != null) known.put(root, story);
            }
            return known;
        }

        void remember(Map<String, String> made) {
            links.putAll(made);
        }

        private Mention one() {
            long id = ++seq;
            OffsetDateTime at = start.plusNanos(id * 4_000_000L);
            Author author = new Author("u" + rnd.nextInt(2_000_000), "u", followers(), false);
            int slot = rnd.nextInt(recent.length);
            boolean original = recent[slot] == null || rnd.nextInt(4) == 0;
            if (!original) {
                Kind kind = rnd.nextBoolean() ? Kind.REPOST : Kind.COMMENT;
                return new Mention(Platform.WEIBO, Long.toString(id), kind, kind == Kind.REPOST ? "转发微博" : "太过分了，支持维权",
                        at, author, recent[slot], recent[slot], null, null);
            }
            String text = recentText[slot] != null && rnd.nextInt(10) == 0
                    ? PREFIXES[rnd.nextInt(PREFIXES.length)] + recentText[slot].substring(rnd.nextInt(Math.max(1, recentText[slot].length() / 5)))
                    : texts.get(rnd.nextInt(texts.size()));
            String key = Long.toString(id);
            int into = rnd.nextInt(recent.length);
            recent[into] = key;
            recentText[into] = text;
            return new Mention(Platform.WEIBO, key, Kind.POST, text, at, author, null, null, null, null);
        }

        private long followers() {
            return (long) Math.exp(4 + 2.2 * rnd.nextDouble() * 2.5);
        }
    }

}
