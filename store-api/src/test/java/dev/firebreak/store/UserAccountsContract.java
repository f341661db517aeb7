package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.FirebreakJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserAccounts} does; a subclass gives each test an empty store of its own. */
public abstract class UserAccountsContract {
    protected UserAccounts store;

    protected abstract UserAccounts freshStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = freshStore();
    }

    protected static <T> T get(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static String user(String name, String tokenHash) {
        return "{\"name\":\"" + name + "\",\"role\":\"agent\",\"tokenHash\":\"" + tokenHash + "\",\"tokenCreatedAt\":\"t0\"}";
    }

    private static JsonNode json(Optional<String> stored) throws Exception {
        return FirebreakJson.mapper().readTree(stored.orElseThrow());
    }

    @Test
    void aUserIsFoundByNameAndByTokenHashAndANameIsTakenOnce() throws Exception {
        assertEquals(0L, get(store.userCount()));
        assertTrue(get(store.createUser("li", user("li", "h1"), "h1")));
        assertFalse(get(store.createUser("li", user("li", "h2"), "h2")), "a taken name");
        assertTrue(get(store.createUser("wang", user("wang", "h3"), "h3")));
        assertEquals(2L, get(store.userCount()));
        assertEquals("li", json(get(store.userByName("li"))).get("name").asText());
        assertEquals("li", json(get(store.userByTokenHash("h1"))).get("name").asText());
        assertEquals(Optional.empty(), get(store.userByTokenHash("h2")), "the refused user's hash finds nobody");
        assertEquals(Optional.empty(), get(store.userByName("zhao")));
        assertEquals(Set.of(user("li", "h1"), user("wang", "h3")), Set.copyOf(get(store.users())));
    }

    @Test
    void aRotatedTokenReplacesTheOldHashAtOnce() throws Exception {
        get(store.createUser("li", user("li", "h1"), "h1"));
        assertTrue(get(store.rotateToken("li", "h2", "t1")));
        assertEquals(Optional.empty(), get(store.userByTokenHash("h1")));
        JsonNode rotated = json(get(store.userByTokenHash("h2")));
        assertEquals("h2", rotated.get("tokenHash").asText());
        assertEquals("t1", rotated.get("tokenCreatedAt").asText());
        assertEquals("agent", rotated.get("role").asText(), "the rest of the user is kept");
        assertFalse(get(store.rotateToken("nobody", "h9", "t1")));
        assertEquals(Optional.empty(), get(store.userByTokenHash("h9")));
    }

    @Test
    void aDeletedUserIsGoneWithItsTokenHash() throws Exception {
        get(store.createUser("li", user("li", "h1"), "h1"));
        get(store.rotateToken("li", "h2", "t1"));
        assertTrue(get(store.deleteUser("li")));
        assertFalse(get(store.deleteUser("li")));
        assertEquals(Optional.empty(), get(store.userByName("li")));
        assertEquals(Optional.empty(), get(store.userByTokenHash("h2")));
        assertEquals(0L, get(store.userCount()));
        assertEquals(List.of(), get(store.users()));
        assertTrue(get(store.createUser("li", user("li", "h3"), "h3")), "the name is free again");
    }

    @Test
    void aSessionNamesItsUserUntilClosed() throws Exception {
        get(store.createUser("li", user("li", "h1"), "h1"));
        get(store.createUser("wang", user("wang", "h2"), "h2"));
        assertEquals(Optional.empty(), get(store.sessionUser("s1")));
        get(store.openSession("s1", "li", "h1", Duration.ofHours(12)));
        get(store.openSession("s2", "wang", "h2", Duration.ofHours(12)));
        assertEquals(Optional.of("li"), get(store.sessionUser("s1")));
        get(store.closeSession("s1"));
        assertEquals(Optional.empty(), get(store.sessionUser("s1")));
        assertEquals(Optional.of("wang"), get(store.sessionUser("s2")));
        get(store.closeSession("never-opened"));
    }

    @Test
    void aSessionEndsWhenItsUsersTokenIsReplaced() throws Exception {
        get(store.createUser("li", user("li", "h1"), "h1"));
        get(store.createUser("wang", user("wang", "h2"), "h2"));
        get(store.openSession("s1", "li", "h1", Duration.ofHours(12)));
        get(store.openSession("s2", "li", "h1", Duration.ofHours(12)));
        get(store.openSession("s3", "wang", "h2", Duration.ofHours(12)));
        assertTrue(get(store.rotateToken("li", "h9", "t1")));
        assertEquals(Optional.empty(), get(store.sessionUser("s1")), "opened with the replaced token");
        assertEquals(Optional.empty(), get(store.sessionUser("s2")));
        assertEquals(Optional.of("wang"), get(store.sessionUser("s3")), "another user's session is untouched");
        get(store.openSession("s4", "li", "h9", Duration.ofHours(12)));
        assertEquals(Optional.of("li"), get(store.sessionUser("s4")), "a session with the new token works");
        assertEquals(Optional.empty(), get(store.sessionUser("s1")), "and the old one does not come back");
    }

    @Test
    void aSessionEndsWithItsUserEvenWhenTheNameIsMadeAgain() throws Exception {
        get(store.createUser("li", user("li", "h1"), "h1"));
        get(store.openSession("s1", "li", "h1", Duration.ofHours(12)));
        assertTrue(get(store.deleteUser("li")));
        assertEquals(Optional.empty(), get(store.sessionUser("s1")));
        get(store.createUser("li", user("li", "h5"), "h5"));
        assertEquals(Optional.empty(), get(store.sessionUser("s1")), "a new user of the same name does not inherit it");
        get(store.openSession("s6", "nobody", "h6", Duration.ofHours(12)));
        assertEquals(Optional.empty(), get(store.sessionUser("s6")), "a session of no user names nobody");
    }
}
