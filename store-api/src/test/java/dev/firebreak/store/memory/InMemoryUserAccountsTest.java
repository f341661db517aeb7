package dev.firebreak.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.store.UserAccounts;
import dev.firebreak.store.UserAccountsContract;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryUserAccountsTest extends UserAccountsContract {
    @Override
    protected UserAccounts freshStore() {
        return new InMemoryUserAccounts();
    }

    /** As the Redis key expires: a session ends after its lifetime. */
    @Test
    void aSessionEndsAfterItsLifetime() throws Exception {
        HandClock clock = new HandClock();
        InMemoryUserAccounts timed = new InMemoryUserAccounts(clock);
        get(timed.createUser("li", "{\"name\":\"li\",\"role\":\"agent\",\"tokenHash\":\"h1\"}", "h1"));
        get(timed.openSession("s1", "li", "h1", Duration.ofHours(12)));
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertEquals(Optional.of("li"), get(timed.sessionUser("s1")));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), get(timed.sessionUser("s1")));
    }
}
