package dev.firebreak.daemon.backup;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code POST /api/admin/backup {"dir": "/abs/folder"}}: an online backup into a new folder on the
 * daemon's machine. The answer streams one JSON object per line: {@code {"copied":N,"total":T}} now and
 * then, and last {@code {"manifest":{...}}} or {@code {"error":"..."}}. A bad body is a 400, a backup
 * already running a 409, both before anything is written.
 */
public final class BackupRoutes implements RouteGroup {
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final Vertx vertx;
    private final OnlineBackup backup;

    public BackupRoutes(Vertx vertx, OnlineBackup backup) {
        this.vertx = vertx;
        this.backup = backup;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/api/admin/backup", Access.ADMIN,
                "back up the index and the Redis state into a new folder on the daemon's machine", 4096, this::backup));
    }

    private void backup(RoutingContext ctx) {
        Path dir;
        try {
            JsonObject body = ctx.body().asJsonObject();
            Object value = body == null ? null : body.getValue("dir");
            if (!(value instanceof String text) || text.isBlank()) {
                Replies.json(ctx, 400, Replies.error("body must be {\"dir\": \"/absolute/folder\"}"));
                return;
            }
            dir = Path.of(text).normalize();
        } catch (RuntimeException e) {   // DecodeException, InvalidPathException
            Replies.json(ctx, 400, Replies.error(e instanceof InvalidPathException ? "\"dir\" is not a path: " + e.getMessage()
                    : "body is not a JSON object: {\"dir\": \"/absolute/folder\"}"));
            return;
        }
        String refused = OnlineBackup.refusal(dir);
        if (refused != null) {
            Replies.json(ctx, 400, Replies.error(refused));
            return;
        }
        if (backup.running()) {
            Replies.json(ctx, 409, Replies.error("a backup is running already: wait for it to finish"));
            return;
        }
        HttpServerResponse response = ctx.response().setChunked(true).setStatusCode(200)
                .putHeader("Content-Type", "application/x-ndjson; charset=utf-8");
        io.vertx.core.Context context = vertx.getOrCreateContext();
        long[] lastSent = {System.nanoTime()};
        vertx.executeBlocking(() -> backup.run(dir, (copied, total) -> {
            long now = System.nanoTime();
            if (now - lastSent[0] >= PROGRESS_EVERY_NANOS || copied == total) {
                lastSent[0] = now;
                String line = new JsonObject().put("copied", copied).put("total", total).encode() + "\n";
                context.runOnContext(v -> response.write(line));
            }
        }), false).onComplete(ar -> {
            JsonObject last = ar.succeeded()
                    ? new JsonObject().put("manifest", new JsonObject(FirebreakJson.write(ar.result())))
                    : Replies.error("backup into " + dir + " failed, the folder is incomplete (no manifest.json): "
                            + ar.cause().getMessage());
            response.end(last.encode() + "\n");
        });
    }
}
