package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.Role;
import dev.firebreak.store.UserAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Users, their tokens and console sessions, over a {@link UserAccounts} store: tokens and session ids
 * are made and hashed here, and only their hashes reach the store.
 */
public final class UserStore {
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    private final UserAccounts accounts;

    public UserStore(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** A new user and its token (shown once), or empty when the name is taken. */
    public CompletionStage<Optional<String>> create(String name, Role role) {
        User.checkName(name);
        String token = Secrets.newToken();
        Instant now = Instant.now();
        String json = new User(name, role, now).toJson().put("tokenHash", Secrets.hash(token))
                .put("tokenCreatedAt", now.toString()).encode();
        return accounts.createUser(name, json, Secrets.hash(token)).thenApply(made -> made ? Optional.of(token) : Optional.empty());
    }

    /** A new token for the user; the old one stops working at once. Empty when there is no such user. */
    public CompletionStage<Optional<String>> rotateToken(String name) {
        String token = Secrets.newToken();
        return accounts.rotateToken(name, Secrets.hash(token), Instant.now().toString())
                .thenApply(done -> done ? Optional.of(token) : Optional.empty());
    }

    public CompletionStage<Boolean> delete(String name) {
        return accounts.deleteUser(name);
    }

    public CompletionStage<List<User>> list() {
        return accounts.users().thenApply(all -> all.stream().map(User::fromJson)
                .sorted(Comparator.comparing(User::name)).toList());
    }

    public CompletionStage<Long> count() {
        return accounts.userCount();
    }

    public CompletionStage<Optional<User>> byToken(String token) {
        return accounts.userByTokenHash(Secrets.hash(token)).thenApply(j -> j.map(User::fromJson));
    }

    public CompletionStage<Optional<User>> byName(String name) {
        return accounts.userByName(name).thenApply(j -> j.map(User::fromJson));
    }

    /**
     * A console session for the user, valid {@link #SESSION_LIFETIME} and bound to {@code token}, the one
     * the user logged in with: replacing that token (or removing the user) ends the session at once.
     * Only hashes reach the store.
     */
    public CompletionStage<String> openSession(String name, String token) {
        String id = Secrets.newSessionId();
        return accounts.openSession(Secrets.hash(id), name, Secrets.hash(token), SESSION_LIFETIME).thenApply(ok -> id);
    }

    /** The session's user; empty when it expired or was closed, or its user's token was replaced or the user deleted. */
    public CompletionStage<Optional<User>> bySession(String sessionId) {
        return accounts.sessionUser(Secrets.hash(sessionId)).thenCompose(name -> name.isEmpty()
                ? CompletableFuture.completedFuture(Optional.<User>empty()) : byName(name.get()));
    }

    public CompletionStage<Void> closeSession(String sessionId) {
        return accounts.closeSession(Secrets.hash(sessionId));
    }
}
