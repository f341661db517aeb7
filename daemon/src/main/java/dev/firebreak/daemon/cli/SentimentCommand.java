package dev.firebreak.daemon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.core.Analysis;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.analysis.AnalysisModels;
import dev.firebreak.analysis.entities.CoreNlpEntities;
import dev.firebreak.analysis.entities.EntityMerge;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code firebreak sentiment}: one text per line on stdin, one JSON analysis per line on stdout,
 * in order. A line that cannot be read gets {@code {"line":N,"error":"..."}} in its place (and the
 * same on stderr), and the rest goes on.
 */
public final class SentimentCommand {
    static final String HELP = """
            Usage: firebreak sentiment [--no-corenlp] [--model FILE] [--brands FILE] [--threads N]

            Reads one text per line on stdin (UTF-8) and writes one JSON object per line on stdout: the
            analysis the daemon stores on a mention — label, negative (probability), emotion, complaint
            types, escalation (threat or filed, and where), entities, model. Empty lines are analysed
            as empty texts. A line that is not valid UTF-8 or is over 1 MiB is answered with
            {"line":N,"error":"..."} and reported on stderr; the next line is read normally.

              --no-corenlp   skip CoreNLP (people, places, organisations): starts in under a second
                             instead of ~10 s; brand and product names still come from the dictionary
              --model FILE   a sentiment model trained with 'firebreak train' (default: the bundled one)
              --brands FILE  a brand dictionary, NAME<TAB>BRAND|PRODUCT per line (default: the demo one)
              --threads N    analysis threads (default 2)
            """;
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int BATCH = 256;

    private SentimentCommand() { }

    static int run(String[] argv) throws Exception {
        return run(argv, System.in, System.out, System.err);
    }

    static int run(String[] argv, InputStream stdin, PrintStream stdout, PrintStream stderr) throws Exception {
        Args args = new Args("sentiment", argv, 1, Set.of("no-corenlp", "model", "brands", "threads"), Set.of("no-corenlp"));
        if (args.help()) {
            stdout.print(HELP);
            return 0;
        }
        int threads = Args.positiveInt("sentiment", "--threads", args.get("threads"), 2);
        boolean corenlp = !args.flag("no-corenlp");
        if (corenlp) stderr.println("firebreak sentiment: loading CoreNLP Chinese models (~10 s)...");
        AnalysisModels models = AnalysisModels.load(path(args.get("model")), path(args.get("brands")), corenlp);
        CoreNlpEntities nlp = corenlp ? models.corenlp().get() : null;
        ObjectMapper json = FirebreakJson.mapper();
        OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        Utf8Lines lines = new Utf8Lines(stdin, MAX_LINE_BYTES);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long read = 0;
        long bad = 0;
        try {
            for (List<Utf8Lines.Line> batch = batch(lines); !batch.isEmpty(); batch = batch(lines)) {
                List<Future<Object>> results = new ArrayList<>();
                for (Utf8Lines.Line line : batch) {
                    results.add(pool.submit(() -> line.error() != null ? error(line) : analyse(models, nlp, line.text())));
                }
                for (int i = 0; i < batch.size(); i++) {
                    Utf8Lines.Line line = batch.get(i);
                    if (line.error() != null) {
                        bad++;
                        stderr.println("stdin:" + line.number() + ": " + line.error());
                    }
                    out.write(json.writeValueAsBytes(results.get(i).get()));
                    out.write('\n');
                }
                out.flush();
                read += batch.size();
            }
        } finally {
            pool.shutdownNow();
        }
        if (bad > 0) stderr.println("firebreak sentiment: " + read + " lines, " + bad + " could not be read");
        return 0;
    }

    private static List<Utf8Lines.Line> batch(Utf8Lines lines) throws java.io.IOException {
        List<Utf8Lines.Line> batch = new ArrayList<>(BATCH);
        for (Utf8Lines.Line l = batch.size() < BATCH ? lines.next() : null; l != null; ) {
            batch.add(l);
            l = batch.size() < BATCH ? lines.next() : null;
        }
        return batch;
    }

    /** The whole analysis stage on one text: first scores, then CoreNLP's entities when {@code nlp} is given. */
    public static Analysis analyse(AnalysisModels models, CoreNlpEntities nlp, String text) {
        Analysis first = models.scorer().analyse(text);
        if (nlp == null) return first;
        return EntityMerge.enriched(first, models.scorer().brands().find(text), nlp.find(text));
    }

    private static Map<String, Object> error(Utf8Lines.Line line) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("line", line.number());
        e.put("error", line.error());
        return e;
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

}
