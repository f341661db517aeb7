package dev.firebreak.tools.bench;

import dev.firebreak.daemon.cli.Args;
import dev.firebreak.daemon.cli.ViralityCommand;
import dev.firebreak.tools.SharedData;
import dev.firebreak.stories.virality.Evaluation;
import dev.firebreak.stories.virality.ForecastState;
import dev.firebreak.stories.virality.Forecaster;
import dev.firebreak.stories.virality.Reshare;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** {@code firebreak bench virality}: the forecast's held-out error, band coverage and speed. */
final class ViralityBench {
    static final String HELP = """
            Usage: firebreak bench virality [--data FILE|DIR] [--observe 1h] [--fit FILE]

            Scores the virality forecast on the held-out part of a cascades file (events.csv: per source
            weibo / seismic / auspol, the 30 % of cascades with the smallest FNV-1a hash of their id):
            MSLE of log2(final+1) and of log2(increment+1) at --observe, for the model, "final = observed"
            and "final = k x observed" (k fitted on the training part), and the 80 % band's coverage;
            then the forecast's speed.

              --data FILE   the cascades file, or a folder holding events.csv (default:
                            $FIREBREAK_CASCADES, else shared/data/cascades/events.csv in the current
                            folder or a parent); the file used is printed on stderr
              --observe D   observation time after the root: 30m, 1h, 2h (default 1h)
              --fit FILE    refit the parameters on the training part, write them to FILE (the format of
                            the bundled virality/forecaster.properties) and score those instead
            """;

    private ViralityBench() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("bench virality", argv, 2, Set.of("data", "observe", "fit"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        long observe = ViralityCommand.durationSeconds("bench virality", "--observe", args.get("observe"), 3600);
        String option = args.get("data") != null ? args.get("data") : System.getenv("FIREBREAK_CASCADES");
        Path data = SharedData.resolve("bench virality", option, "data/cascades/events.csv", "FILE");
        if (Files.isDirectory(data)) data = data.resolve("events.csv");
        if (!Files.isRegularFile(data)) {
            throw new Args.UsageException("bench virality: no such file: " + data + " (give --data FILE)");
        }
        Evaluation.Result r = Evaluation.run(data, observe, args.get("fit") != null);
        if (args.get("fit") != null) {
            Files.writeString(Path.of(args.get("fit")), r.fittedParameters(), StandardCharsets.UTF_8);
            System.out.println("refitted parameters written to " + args.get("fit"));
        }
        print(r, observe);
        speed();
        return 0;
    }

    static void print(Evaluation.Result r, long observe) {
        StringBuilder counts = new StringBuilder("cascades (held out / all):");
        for (Evaluation.Count c : r.counts()) counts.append(String.format(Locale.ROOT, " %s %d/%d", c.source(), c.heldOut(), c.total()));
        System.out.println(counts);
        System.out.printf(Locale.ROOT, "observed %d s after the root; final = size at 24 h, root included; held-out part only%n", observe);
        System.out.println("| source | observed size | n | MSLE final: model | observed | k x observed (k) "
                + "| MSLE increment: model | observed | k x observed | band coverage |");
        System.out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (Evaluation.Row w : r.rows()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f (%.2f) | %.3f | %.3f | %.3f | %.0f %% |%n",
                    w.source(), w.subset().equals("all") ? "all (>= 1)" : "10-1000", w.n(), w.model(), w.observed(),
                    w.growth(), w.k(), w.incModel(), w.incObserved(), w.incGrowth(), 100 * w.coverage());
        }
        Evaluation.Timing t = r.timing();
        System.out.printf(Locale.ROOT, "time to 90 %% of final (held out, final >= 10, not yet at 90 %%): n=%d, "
                + "median |log2(predicted/actual)| = %.2f, within 2x: %.0f %%%n", t.n(), t.medianAbsLog2(), 100 * t.withinTwice());
    }

    /** Forecasts per second for stories of 100 and 2,000 reshares, and per reshare in the incremental form. */
    static void speed() {
        Forecaster f = Forecaster.load();
        for (int n : new int[] {100, 2000}) {
            List<Reshare> story = story(n);
            double perSecond = rate(() -> f.forecast(50_000, story, 3600));
            System.out.printf(Locale.ROOT, "speed: batch forecast, %d reshares: %.0f forecasts/s (%.1f us each)%n",
                    n, perSecond, 1e6 / perSecond);
        }
        List<Reshare> story = story(2000);
        double perStory = rate(() -> {
            ForecastState s = f.start(50_000);
            for (Reshare r : story) {
                s.add(r);
                s.forecast(r.offsetSeconds());
            }
        });
        System.out.printf(Locale.ROOT, "speed: incremental, add + forecast per new reshare (story of 2000): %.0f /s (%.1f us each)%n",
                perStory * 2000, 1e6 / (perStory * 2000));
    }

    /** A story of n reshares over its first hour, accelerating, with log-normal follower counts. */
    static List<Reshare> story(int n) {
        Random random = new Random(1);
        List<Reshare> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t = (long) (3600 * Math.sqrt((i + 1.0) / n));
            out.add(new Reshare(t, (long) Math.exp(5 + 2 * random.nextGaussian())));
        }
        return out;
    }

    private static double rate(Runnable work) {
        long sink = 0;
        for (int i = 0; i < 200; i++) work.run(); // warm-up
        int runs = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 2_000_000_000L) {
            work.run();
            runs++;
            sink++;
        }
        return sink > 0 ? runs / ((System.nanoTime() - start) / 1e9) : 0;
    }
}
