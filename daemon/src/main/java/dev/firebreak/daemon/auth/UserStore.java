package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.Role;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Users, their token hashes and console sessions in Redis, under the daemon's namespace:
 * {@code users} (name -> user JSON with its token hash), {@code user-tokens} (token hash -> name),
 * {@code session:<hash>} (name, expiring). Scripts keep the two hashes in step.
 */
public final class UserStore {
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    // KEYS: users, user-tokens. ARGV: name, user json, token hash.
    private static final String CREATE = "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end "
            + "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]); redis.call('HSET', KEYS[2], ARGV[3], ARGV[1]) return 1";
    // KEYS: users, user-tokens. ARGV: name, new token hash, when.
    private static final String ROTATE = "local j = redis.call('HGET', KEYS[1], ARGV[1]) if not j then return 0 end "
            + "local u = cjson.decode(j) redis.call('HDEL', KEYS[2], u.tokenHash) "
            + "u.tokenHash = ARGV[2]; u.tokenCreatedAt = ARGV[3] "
            + "redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(u)); redis.call('HSET', KEYS[2], ARGV[2], ARGV[1]) return 1";
    // KEYS: users, user-tokens. ARGV: name.
    private static final String DELETE = "local j = redis.call('HGET', KEYS[1], ARGV[1]) if not j then return 0 end "
            + "redis.call('HDEL', KEYS[2], cjson.decode(j).tokenHash); redis.call('HDEL', KEYS[1], ARGV[1]) return 1";
    // KEYS: users, user-tokens. ARGV: token hash. The user's JSON, or nil.
    private static final String BY_TOKEN = "local n = redis.call('HGET', KEYS[2], ARGV[1]) if not n then return false end "
            + "return redis.call('HGET', KEYS[1], n)";

    private final RedisAsyncCommands<String, String> redis;
    private final String ns;

    public UserStore(StatefulRedisConnection<String, String> connection, String namespace) {
        this.redis = connection.async();
        this.ns = namespace;
    }

    /** A new user and its token (shown once), or empty when the name is taken. */
    public CompletionStage<Optional<String>> create(String name, Role role) {
        User.checkName(name);
        String token = Secrets.newToken();
        Instant now = Instant.now();
        String json = new User(name, role, now).toJson().put("tokenHash", Secrets.hash(token))
                .put("tokenCreatedAt", now.toString()).encode();
        CompletionStage<Long> done = redis.eval(CREATE, ScriptOutputType.INTEGER, keys(), name, json, Secrets.hash(token));
        return done.thenApply(n -> n == 1 ? Optional.of(token) : Optional.empty());
    }

    /** A new token for the user; the old one stops working at once. Empty when there is no such user. */
    public CompletionStage<Optional<String>> rotateToken(String name) {
        String token = Secrets.newToken();
        CompletionStage<Long> done = redis.eval(ROTATE, ScriptOutputType.INTEGER, keys(), name, Secrets.hash(token),
                Instant.now().toString());
        return done.thenApply(n -> n == 1 ? Optional.of(token) : Optional.empty());
    }

    public CompletionStage<Boolean> delete(String name) {
        CompletionStage<Long> done = redis.eval(DELETE, ScriptOutputType.INTEGER, keys(), name);
        return done.thenApply(n -> n == 1);
    }

    public CompletionStage<List<User>> list() {
        return redis.hvals(ns + "users").thenApply(all -> all.stream().map(User::fromJson)
                .sorted(Comparator.comparing(User::name)).toList());
    }

    public CompletionStage<Long> count() {
        return redis.hlen(ns + "users");
    }

    public CompletionStage<Optional<User>> byToken(String token) {
        CompletionStage<String> json = redis.eval(BY_TOKEN, ScriptOutputType.VALUE, keys(), Secrets.hash(token));
        return json.thenApply(j -> Optional.ofNullable(j).map(User::fromJson));
    }

    public CompletionStage<Optional<User>> byName(String name) {
        return redis.hget(ns + "users", name).thenApply(j -> Optional.ofNullable(j).map(User::fromJson));
    }

    /** A console session for the user, valid {@link #SESSION_LIFETIME}; only its hash is a key. */
    public CompletionStage<String> openSession(String name) {
        String id = Secrets.newSessionId();
        return redis.set(sessionKey(id), name, SetArgs.Builder.ex(SESSION_LIFETIME.toSeconds())).thenApply(ok -> id);
    }

    /** The session's user; empty when it expired, was closed, or its user was deleted. */
    public CompletionStage<Optional<User>> bySession(String sessionId) {
        return redis.get(sessionKey(sessionId)).thenCompose(name -> name == null
                ? java.util.concurrent.CompletableFuture.completedFuture(Optional.<User>empty()) : byName(name));
    }

    public CompletionStage<Void> closeSession(String sessionId) {
        return redis.del(sessionKey(sessionId)).thenApply(n -> null);
    }

    private String sessionKey(String sessionId) {
        return ns + "session:" + Secrets.hash(sessionId);
    }

    private String[] keys() {
        return new String[] {ns + "users", ns + "user-tokens"};
    }

}
