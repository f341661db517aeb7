package dev.firebreak.daemon.runtime;

import dev.firebreak.connect.api.Watchlist;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import dev.firebreak.store.StateStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The posts connectors follow, kept in Redis so every daemon sees the same list. A post joins when
 * something shows it spreading — a repost or comment of it arrives, or it comes with reposts already
 * counted — and leaves once nothing has touched it for {@code followFor} (the story has cooled).
 */
public final class StoryWatchlist implements Watchlist {
    public static final Duration DEFAULT_FOLLOW_FOR = Duration.ofHours(72);
    private static final int MAX_FOLLOWED = 50;

    private final StateStore state;
    private final Duration followFor;

    public StoryWatchlist(StateStore state, Duration followFor) {
        this.state = state;
        this.followFor = followFor;
    }

    @Override
    public Future<List<WatchedPost>> open(Platform platform) {
        long since = System.currentTimeMillis() - followFor.toMillis();
        return Future.fromCompletionStage(state.watched(platform.wireName(), since, MAX_FOLLOWED)).map(m -> {
            List<WatchedPost> out = new ArrayList<>();
            m.forEach((id, at) -> out.add(new WatchedPost(id, Instant.ofEpochMilli(at))));
            return out;
        });
    }

    /** Touches the story roots these freshly indexed mentions show spreading. */
    CompletionStage<Void> touch(List<Mention> mentions) {
        java.util.Map<Platform, Set<String>> roots = new java.util.EnumMap<>(Platform.class);
        for (Mention m : mentions) {
            String root = spreadingRoot(m);
            if (root != null) {
                roots.computeIfAbsent(m.platform(), p -> new LinkedHashSet<>()).add(root);
            }
        }
        long now = System.currentTimeMillis();
        java.util.concurrent.CompletableFuture<Void> all = java.util.concurrent.CompletableFuture.completedFuture(null);
        for (var e : roots.entrySet()) {
            all = all.thenCompose(x -> state.touchWatched(e.getKey().wireName(), e.getValue(), now));
        }
        return all;
    }

    private static String spreadingRoot(Mention m) {
        if (m.kind() == Kind.REPOST || m.kind() == Kind.COMMENT) {
            String root = m.rootId() != null && !m.rootId().isBlank() ? m.rootId() : m.parentId();
            return root == null || root.isBlank() ? null : root;
        }
        return m.metrics().reposts() > 0 ? m.id() : null;
    }
}
