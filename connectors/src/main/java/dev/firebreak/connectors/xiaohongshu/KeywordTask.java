package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.connectors.pacing.PollPacer;
import dev.firebreak.connectors.pacing.RateBudget;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connect.api.Watchlist;
import dev.firebreak.core.Platform;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Polls one keyword: its notes and their comments. Keeps no state between polls except the pacer;
 * everything needed to resume is in the cursor the runtime hands back.
 */
final class KeywordTask implements PollTask {
    private final String keyword;
    private final XhsSettings settings;
    private final RateBudget budget;
    private final TaskContext context;
    private final XhsClient client;
    private final PollPacer pacer;
    private volatile boolean stopped;

    KeywordTask(String keyword, XhsSettings settings, RateBudget budget, TaskContext context) {
        this.keyword = keyword;
        this.settings = settings;
        this.budget = budget;
        this.context = context;
        this.client = new XhsClient(context.vertx(), settings);
        this.pacer = new PollPacer(settings.minInterval(), settings.maxInterval());
    }

    @Override
    public Future<PollResult> poll(String cursorText) {
        KeywordCursor from;
        try {
            from = KeywordCursor.parse(cursorText);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new PlatformException(ErrorAction.FATAL, null, null,
                    "xiaohongshu keyword \"" + keyword + "\": the saved cursor is not readable (" + e.getMessage() + ")"));
        }
        return context.watchlist().open(Platform.XIAOHONGSHU).compose(open -> {
            KeywordPoll run = new KeywordPoll(keyword, client, budget, settings, () -> stopped, from,
                    ids(open));
            return run.run().map(v -> result(run));
        });
    }

    private PollResult result(KeywordPoll run) {
        Duration next = pacer.after(!run.mentions.isEmpty() || run.backlog());
        if (run.outOfBudget) {
            Duration refill = budget.waitFor();
            next = refill.compareTo(next) > 0 ? refill : next;
        }
        return new PollResult(run.mentions, run.problems, run.cursor().text(), next, false, run.observations());
    }

    private static Set<String> ids(List<Watchlist.WatchedPost> open) {
        return open.stream().map(Watchlist.WatchedPost::nativeId).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void stop() {
        stopped = true;
        client.close();
    }
}
