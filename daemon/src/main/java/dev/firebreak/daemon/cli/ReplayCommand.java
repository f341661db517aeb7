package dev.firebreak.daemon.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** {@code firebreak replay FILE.jsonl [--out alerts.jsonl]}: the whole pipeline over a file, alerts as JSON lines. */
final class ReplayCommand {
    static final String HELP = """
            Usage: firebreak replay FILE.jsonl [--rules DIR] [--out alerts.jsonl] [--data DIR]

            Runs every mention of FILE (Mention JSON lines, in event time) through the whole pipeline
            as fast as it can and writes each alert as one JSON line, to --out or standard output. An
            alert that is updated (its story grew, a worse rule matched, it escalated) is written again
            with the same id: the last line of an id is its final state. A line that is not a valid
            Mention is reported on stderr by its line number and skipped.

              --rules DIR  rule files to use besides the built-in pack (default: the built-in pack)
              --out FILE   where to write the alerts (default: standard output)
              --data DIR   keep the index and state here (default: a temporary directory, removed after)
            """;

    private ReplayCommand() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("replay", argv, 1, Set.of("out", "data", "rules"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        Path rules = args.get("rules") == null ? null : Path.of(args.get("rules"));
        if (rules != null && !Files.isDirectory(rules)) {
            throw new Args.UsageException("replay: --rules: no such folder: " + rules);
        }
        if (args.positional().size() != 1) {
            throw new Args.UsageException("replay: expected one FILE.jsonl, got " + args.positional().size());
        }
        Path file = Path.of(args.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new Args.UsageException("replay: no such file: " + file);
        }
        Path data = args.get("data") == null ? null : Path.of(args.get("data"));
        try (Writer out = args.get("out") == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(Path.of(args.get("out")), StandardCharsets.UTF_8)) {
            long[] lines = {0};
            java.util.Set<String> ids = new java.util.HashSet<>();
            OfflineReplay.Summary s = OfflineReplay.run(file, data, rules, (recorded, version) -> {
                try {
                    out.write(recorded.json());
                    out.write('\n');
                    lines[0]++;
                    ids.add(version.alert().id());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, problem -> System.err.println(problem), "replay " + file.getFileName());
            out.flush();
            System.err.printf(Locale.ROOT, "replayed %d mentions in %.1f s: %d alerts, %d updates, %d lines skipped%n",
                    s.mentions(), s.seconds(), ids.size(), lines[0] - ids.size(), s.problems());
        }
        return 0;
    }
}
