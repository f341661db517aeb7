package dev.firebreak.state.redis;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.store.UserAccounts;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@link UserAccounts} in Redis, under the daemon's namespace: {@code users} (name -> user JSON with its
 * token hash), {@code user-tokens} (token hash -> name), {@code session:<hash>} (JSON: name and the hash
 * of the token it was opened with, expiring). Scripts keep the two hashes in step, and a session counts
 * only while its user still holds that token.
 */
public final class RedisUserAccounts implements UserAccounts {
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

    // KEYS: users, session:<hash>. ARGV: none. The session's user name, or nil when the session is gone or
    // its user no longer holds the token it was opened with (then the session is removed). A value that is
    // not the JSON this class writes (a session from an older version) counts as no session.
    private static final String SESSION = "local s = redis.call('GET', KEYS[2]) if not s then return false end "
            + "local ok, v = pcall(cjson.decode, s) "
            + "if not ok or type(v) ~= 'table' or type(v.name) ~= 'string' then redis.call('DEL', KEYS[2]) return false end "
            + "local j = redis.call('HGET', KEYS[1], v.name) "
            + "if not j or cjson.decode(j).tokenHash ~= v.tokenHash then redis.call('DEL', KEYS[2]) return false end "
            + "return v.name";

    private final RedisAsyncCommands<String, String> redis;
    private final String ns;

    public RedisUserAccounts(StatefulRedisConnection<String, String> connection, String namespace) {
        this.redis = connection.async();
        this.ns = namespace;
    }

    @Override
    public CompletionStage<Boolean> createUser(String name, String userJson, String tokenHash) {
        CompletionStage<Long> done = redis.eval(CREATE, ScriptOutputType.INTEGER, keys(), name, userJson, tokenHash);
        return done.thenApply(n -> n == 1);
    }

    @Override
    public CompletionStage<Boolean> rotateToken(String name, String tokenHash, String tokenCreatedAt) {
        CompletionStage<Long> done = redis.eval(ROTATE, ScriptOutputType.INTEGER, keys(), name, tokenHash, tokenCreatedAt);
        return done.thenApply(n -> n == 1);
    }

    @Override
    public CompletionStage<Boolean> deleteUser(String name) {
        CompletionStage<Long> done = redis.eval(DELETE, ScriptOutputType.INTEGER, keys(), name);
        return done.thenApply(n -> n == 1);
    }

    @Override
    public CompletionStage<List<String>> users() {
        return redis.hvals(ns + "users");
    }

    @Override
    public CompletionStage<Long> userCount() {
        return redis.hlen(ns + "users");
    }

    @Override
    public CompletionStage<Optional<String>> userByName(String name) {
        return redis.hget(ns + "users", name).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Optional<String>> userByTokenHash(String tokenHash) {
        CompletionStage<String> json = redis.eval(BY_TOKEN, ScriptOutputType.VALUE, keys(), tokenHash);
        return json.thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Void> openSession(String sessionHash, String name, String tokenHash, Duration lifetime) {
        String value = FirebreakJson.write(java.util.Map.of("name", name, "tokenHash", tokenHash));
        return redis.set(ns + "session:" + sessionHash, value, SetArgs.Builder.ex(lifetime.toSeconds())).thenApply(ok -> null);
    }

    @Override
    public CompletionStage<Optional<String>> sessionUser(String sessionHash) {
        CompletionStage<String> name = redis.eval(SESSION, ScriptOutputType.VALUE,
                new String[] {ns + "users", ns + "session:" + sessionHash});
        return name.thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Void> closeSession(String sessionHash) {
        return redis.del(ns + "session:" + sessionHash).thenApply(n -> null);
    }

    private String[] keys() {
        return new String[] {ns + "users", ns + "user-tokens"};
    }
}
