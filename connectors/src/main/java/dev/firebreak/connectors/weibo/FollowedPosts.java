package dev.firebreak.connectors.weibo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.firebreak.connect.api.Watchlist;
import dev.firebreak.core.FirebreakJson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repost feed's cursor: for each post of an open story, how far its repost timeline has been read
 * ({@link IdWalk} text), when to look again, how often (doubling while its counters stand still, back
 * to the shortest interval when they move) and the counters seen last.
 */
final class FollowedPosts {
    record Post(String walk, long due, long every, long reposts, long comments, long likes) { }

    private static final TypeReference<Map<String, Post>> TYPE = new TypeReference<>() { };

    private final Map<String, Post> posts;

    private FollowedPosts(Map<String, Post> posts) {
        this.posts = posts;
    }

    static FollowedPosts parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new FollowedPosts(new LinkedHashMap<>());
        }
        try {
            return new FollowedPosts(new LinkedHashMap<>(FirebreakJson.mapper().readValue(cursor, TYPE)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("saved repost cursor is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Keeps the posts the watchlist still holds (new ones start due now), drops the rest. */
    FollowedPosts merge(List<Watchlist.WatchedPost> open, Duration firstInterval) {
        Map<String, Post> next = new LinkedHashMap<>();
        for (Watchlist.WatchedPost w : open) {
            next.put(w.nativeId(), posts.getOrDefault(w.nativeId(),
                    new Post(IdWalk.START.toString(), 0, firstInterval.toMillis(), -1, -1, -1)));
        }
        return new FollowedPosts(next);
    }

    /** The post due soonest, if it is due by {@code now}. */
    Optional<Map.Entry<String, Post>> dueBy(long now) {
        return posts.entrySet().stream().filter(e -> e.getValue().due() <= now)
                .min(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(Post::due)));
    }

    /** How long until the next post is due, or null when none is followed. */
    Duration untilNextDue(long now) {
        return posts.values().stream().mapToLong(Post::due).min()
                .stream().mapToObj(d -> Duration.ofMillis(Math.max(0, d - now))).findFirst().orElse(null);
    }

    void put(String id, Post post) {
        posts.put(id, post);
    }

    void remove(String id) {
        posts.remove(id);
    }

    @Override
    public String toString() {
        return FirebreakJson.write(posts);
    }
}
