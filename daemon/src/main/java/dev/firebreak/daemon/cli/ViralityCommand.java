package dev.firebreak.daemon.cli;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.InvalidMentionException;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.MentionCodec;
import dev.firebreak.stories.virality.Forecast;
import dev.firebreak.stories.virality.Forecaster;
import dev.firebreak.stories.virality.Reshare;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code firebreak virality FILE.jsonl --observe 1h}: forecasts each root post's final size from its early reposts. */
public final class ViralityCommand {
    static final String HELP = """
            Usage: firebreak virality FILE.jsonl [--observe 1h]

            Reads Mention JSON lines and forecasts, for every root post (a mention with neither parentId
            nor rootId), its size 24 h after it was posted, root included, from its reposts within
            --observe of its createdAt. Writes one JSON line per root, in the order the roots appear:
              {"rootId":"weibo:123","observed":N,"predictedFinal":X,"low":L,"high":H,"secondsToFinal":S}
            low..high is an 80 % band; secondsToFinal is how long after the observation time the post
            should reach 90 % of predictedFinal (left out when it cannot say).

            A repost belongs to the root named by its rootId, or by its parentId when rootId is absent
            (followed through other reposts), on the same platform. Only reposts count: comments and
            other replies are not reshares and are ignored. A line that is not a valid Mention is
            reported on stderr as FILE:LINE: what is wrong, and skipped; so is a second mention with
            the same platform and id. Reposts whose root never appears are counted once on stderr
            and ignored.

              --observe D   the observation window after each root: 90s, 30m, 1h, 2h, 1d (default 1h)
            """;
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)?");

    private ViralityCommand() { }

    static int run(String[] argv) throws Exception {
        return run(argv, System.out, System.err);
    }

    static int run(String[] argv, PrintStream stdout, PrintStream stderr) throws Exception {
        Args args = new Args("virality", argv, 1, Set.of("observe"));
        if (args.help()) {
            stdout.print(HELP);
            return 0;
        }
        if (args.positional().size() != 1) {
            throw new Args.UsageException("virality: expected one FILE.jsonl, got " + args.positional().size());
        }
        long observe = durationSeconds("virality", "--observe", args.get("observe"), 3600);
        String name = args.positional().get(0);
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new Args.UsageException("virality: no such file: " + name);
        }
        Map<String, Mention> byKey = new HashMap<>();
        Map<String, List<Reshare>> roots = new LinkedHashMap<>();
        List<Mention> reposts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Utf8Lines lines = new Utf8Lines(in, SentimentCommand.MAX_LINE_BYTES);
            Map<String, Long> lineOf = new HashMap<>();
            for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.error() == null && line.text().isBlank()) continue;
                Mention m;
                try {
                    if (line.error() != null) throw new InvalidMentionException(line.error());
                    m = MentionCodec.decode(line.text());
                } catch (InvalidMentionException e) {
                    stderr.println(name + ":" + line.number() + ": " + e.getMessage());
                    continue;
                }
                Long first = lineOf.putIfAbsent(m.key(), line.number());
                if (first != null) {
                    stderr.println(name + ":" + line.number() + ": " + m.key() + " already read on line " + first + "; skipped");
                    continue;
                }
                byKey.put(m.key(), m);
                if (isRoot(m)) roots.put(m.key(), new ArrayList<>());
                else if (m.kind() == Kind.REPOST) reposts.add(m);
            }
        }
        int orphans = 0;
        for (Mention r : reposts) {
            Mention root = byKey.get(rootKey(r, byKey));
            if (root == null || !isRoot(root)) {
                orphans++;
                continue;
            }
            long offset = Duration.between(root.createdAt(), r.createdAt()).getSeconds();
            if (offset <= observe) roots.get(root.key()).add(new Reshare(Math.max(0, offset), r.author().followers()));
        }
        if (orphans > 0) {
            stderr.println("firebreak virality: " + orphans + " repost" + (orphans == 1 ? "" : "s")
                    + " whose root never appears in " + name + " ignored");
        }
        Forecaster forecaster = Forecaster.load();
        for (Map.Entry<String, List<Reshare>> e : roots.entrySet()) {
            Forecast f = forecaster.forecast(byKey.get(e.getKey()).author().followers(), e.getValue(), observe);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rootId", e.getKey());
            out.put("observed", f.observed());
            out.put("predictedFinal", round(f.predictedFinal()));
            out.put("low", round(f.low()));
            out.put("high", round(f.high()));
            if (f.secondsToFinal() != null) out.put("secondsToFinal", Math.round(f.secondsToFinal()));
            stdout.println(FirebreakJson.mapper().writeValueAsString(out));
        }
        stdout.flush();
        return 0;
    }

    private static boolean isRoot(Mention m) {
        return blank(m.parentId()) && blank(m.rootId());
    }

    /** The root a repost names: its rootId, else its parentId followed through other reposts. */
    private static String rootKey(Mention m, Map<String, Mention> byKey) {
        Mention at = m;
        for (int hops = 0; hops < 1000; hops++) {
            if (!blank(at.rootId())) return Mention.key(at.platform(), at.rootId());
            Mention parent = byKey.get(Mention.key(at.platform(), at.parentId()));
            if (parent == null || isRoot(parent)) return Mention.key(at.platform(), at.parentId());
            at = parent;
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }

    /** A duration like 90s, 30m, 1h, 2d (a bare number is seconds), at least 1 s; {@code fallback} when absent. */
    public static long durationSeconds(String command, String option, String value, long fallback) throws Args.UsageException {
        if (value == null) return fallback;
        Matcher m = DURATION.matcher(value.strip());
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                long unit = m.group(2) == null ? 1 : switch (m.group(2)) {
                    case "m" -> 60;
                    case "h" -> 3600;
                    case "d" -> 86400;
                    default -> 1;
                };
                if (n >= 1 && n <= 365L * 86400 / unit) return n * unit;
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new Args.UsageException(command + ": " + option + ": expected a duration like 90s, 30m, 1h or 2d, got \""
                + value + "\"");
    }
}
