package dev.firebreak.store.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.store.UserAccounts;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link UserAccounts} in the process's memory; sessions expire by the given clock. */
public final class InMemoryUserAccounts implements UserAccounts {
    private final Clock clock;
    private final Map<String, String> users = new HashMap<>();
    private final Map<String, String> nameByTokenHash = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();

    private record Session(String name, String tokenHash, long expiresAtMillis) { }

    public InMemoryUserAccounts() {
        this(Clock.systemUTC());
    }

    public InMemoryUserAccounts(Clock clock) {
        this.clock = clock;
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public synchronized CompletionStage<Boolean> createUser(String name, String userJson, String tokenHash) {
        if (users.containsKey(name)) return done(false);
        users.put(name, userJson);
        nameByTokenHash.put(tokenHash, name);
        return done(true);
    }

    @Override
    public synchronized CompletionStage<Boolean> rotateToken(String name, String tokenHash, String tokenCreatedAt) {
        String json = users.get(name);
        if (json == null) return done(false);
        ObjectNode user = parse(json);
        nameByTokenHash.remove(user.path("tokenHash").asText());
        user.put("tokenHash", tokenHash).put("tokenCreatedAt", tokenCreatedAt);
        users.put(name, user.toString());
        nameByTokenHash.put(tokenHash, name);
        return done(true);
    }

    @Override
    public synchronized CompletionStage<Boolean> deleteUser(String name) {
        String json = users.remove(name);
        if (json == null) return done(false);
        nameByTokenHash.remove(parse(json).path("tokenHash").asText());
        return done(true);
    }

    @Override
    public synchronized CompletionStage<List<String>> users() {
        return done(List.copyOf(users.values()));
    }

    @Override
    public synchronized CompletionStage<Long> userCount() {
        return done((long) users.size());
    }

    @Override
    public synchronized CompletionStage<Optional<String>> userByName(String name) {
        return done(Optional.ofNullable(users.get(name)));
    }

    @Override
    public synchronized CompletionStage<Optional<String>> userByTokenHash(String tokenHash) {
        return done(Optional.ofNullable(nameByTokenHash.get(tokenHash)).map(users::get));
    }

    @Override
    public synchronized CompletionStage<Void> openSession(String sessionHash, String name, String tokenHash, Duration lifetime) {
        sessions.put(sessionHash, new Session(name, tokenHash, clock.millis() + lifetime.toMillis()));
        return done(null);
    }

    @Override
    public synchronized CompletionStage<Optional<String>> sessionUser(String sessionHash) {
        Session s = sessions.get(sessionHash);
        if (s != null && (clock.millis() >= s.expiresAtMillis() || !holdsToken(s.name(), s.tokenHash()))) {
            sessions.remove(sessionHash);
            s = null;
        }
        return done(Optional.ofNullable(s).map(Session::name));
    }

    @Override
    public synchronized CompletionStage<Void> closeSession(String sessionHash) {
        sessions.remove(sessionHash);
        return done(null);
    }

    /** Whether the user still has the token a session was opened with. */
    private boolean holdsToken(String name, String tokenHash) {
        String json = users.get(name);
        return json != null && parse(json).path("tokenHash").asText().equals(tokenHash);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) FirebreakJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored user is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
