package dev.firebreak.connectors.douyin;

import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import io.vertx.core.Future;
import java.time.Duration;

/** What Douyin feed tasks share: their own HTTP client (closed on stop) over the account's token and budget. */
abstract class DouyinTask implements PollTask {
    protected final DouyinApi api;
    protected volatile boolean stopped;

    DouyinTask(DouyinApi api) {
        this.api = api;
    }

    /** A poll that fetched nothing and leaves the cursor where it was. */
    static Future<PollResult> idle(String cursor, Duration after) {
        return Future.succeededFuture(PollResult.nothing(cursor, after));
    }

    @Override
    public void stop() {
        stopped = true;
        api.close();
    }
}
