package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.connectors.replay.LineReader;
import dev.firebreak.connectors.replay.ReplayCursor;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connectors.xiaohongshu.ExportRows.RowKind;
import dev.firebreak.core.Mention;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import dev.firebreak.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the next batch of an export file. The cursor is the replay connector's {@code offset:line}
 * (byte offset of the next unread line and its number), so a restart seeks straight back and bad
 * lines are still reported as {@code file:LINE}. Shows its progress through the file (bytes read of
 * its size) on stderr: a bar on a terminal, a plain line every few seconds elsewhere.
 */
final class ImportTask implements PollTask {
    static final int BATCH = 500;

    private final Vertx vertx;
    private final Path path;
    private final RowKind kind;
    private volatile boolean stopped;
    private Progress progress;

    ImportTask(Vertx vertx, Path path, RowKind kind) {
        this.vertx = vertx;
        this.path = path;
        this.kind = kind;
    }

    @Override
    public Future<PollResult> poll(String cursor) {
        ReplayCursor from;
        try {
            from = ReplayCursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new PlatformException(ErrorAction.FATAL, null, null,
                    path.getFileName() + ": the saved cursor is not readable (" + e.getMessage() + ")"));
        }
        return vertx.executeBlocking(() -> read(from), true);
    }

    private PollResult read(ReplayCursor from) throws PlatformException {
        try {
            return readBatch(from);
        } catch (IOException e) {
            throw PlatformException.retry(path.getFileName() + ": cannot read the file (" + e.getMessage() + ")");
        }
    }

    private PollResult readBatch(ReplayCursor from) throws IOException {
        List<Mention> mentions = new ArrayList<>();
        List<PollResult.Problem> problems = new ArrayList<>();
        try (LineReader reader = new LineReader(path, from)) {
            boolean eof = false;
            while (mentions.size() < BATCH && !stopped) {
                long lineNo = reader.position().nextLine();
                String line = reader.next();
                if (line == null) {
                    eof = true;
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    mentions.add(ExportRows.mention(line, kind));
                } catch (BadItemException e) {
                    problems.add(new PollResult.Problem(path.getFileName() + ":" + lineNo, e.getMessage()));
                }
            }
            showProgress(reader.position().offset(), eof);
            return new PollResult(mentions, problems, reader.position().toString(), Duration.ZERO, eof);
        }
    }

    /** Polls run one at a time per feed, so the progress needs no lock of its own. */
    private void showProgress(long offset, boolean eof) throws IOException {
        if (progress == null) {
            progress = Progress.start("import " + path.getFileName(), Files.size(path), System.err);
        }
        progress.stepTo(offset);
        if (eof) {
            progress.close();
        }
    }

    @Override
    public void stop() {
        stopped = true;
        if (progress != null) {
            progress.close();
        }
    }
}
