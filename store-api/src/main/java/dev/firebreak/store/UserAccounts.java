package dev.firebreak.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Console and API users, and console sessions. A user is a JSON object stored under its name and
 * found also by the hash of its token; its {@code tokenHash} and {@code tokenCreatedAt} fields are kept
 * in step with that lookup by the store. Only hashes are given to the store, never a token or session id.
 */
public interface UserAccounts {

    /** Stores a new user whose JSON carries {@code tokenHash}; false when the name is taken. */
    CompletionStage<Boolean> createUser(String name, String userJson, String tokenHash);

    /**
     * Sets the user's {@code tokenHash} and {@code tokenCreatedAt}; the old hash finds nobody from then
     * on. False when there is no such user.
     */
    CompletionStage<Boolean> rotateToken(String name, String tokenHash, String tokenCreatedAt);

    /** Removes the user and its token hash; false when there is no such user. */
    CompletionStage<Boolean> deleteUser(String name);

    /** Every user's JSON, in no particular order. */
    CompletionStage<List<String>> users();

    CompletionStage<Long> userCount();

    CompletionStage<Optional<String>> userByName(String name);

    CompletionStage<Optional<String>> userByTokenHash(String tokenHash);

    /**
     * Remembers a session (by the hash of its id) of a user for {@code lifetime}, bound to the token it
     * was opened with ({@code tokenHash}): when the user's token is replaced or the user is removed, the
     * session ends with it.
     */
    CompletionStage<Void> openSession(String sessionHash, String name, String tokenHash, Duration lifetime);

    /**
     * The name of the session's user; empty when it expired or was closed, or when its user no longer
     * holds the token the session was opened with (replaced, or the user removed, even if made again).
     */
    CompletionStage<Optional<String>> sessionUser(String sessionHash);

    CompletionStage<Void> closeSession(String sessionHash);
}
