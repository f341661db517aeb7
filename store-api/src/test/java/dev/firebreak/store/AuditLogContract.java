package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} does; a subclass gives each test an empty log of its own, capped at {@link #CAP}. */
public abstract class AuditLogContract {
    protected static final int CAP = 3;
    protected AuditLog log;

    /** An empty audit log no other test sees, keeping {@link #CAP} entries per log. */
    protected abstract AuditLog freshLog(int cap) throws Exception;

    @BeforeEach
    void open() throws Exception {
        log = freshLog(CAP);
    }

    private static <T> T get(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void entriesAreListedNewestFirstPerLog() throws Exception {
        assertEquals(List.of(), get(log.latest("admin", 10)));
        get(log.append("admin", "{\"n\":1}"));
        get(log.append("admin", "{\"n\":2}"));
        get(log.append("denied", "{\"n\":3}"));
        assertEquals(List.of("{\"n\":2}", "{\"n\":1}"), get(log.latest("admin", 10)));
        assertEquals(List.of("{\"n\":2}"), get(log.latest("admin", 1)));
        assertEquals(List.of("{\"n\":3}"), get(log.latest("denied", 10)));
        assertEquals(List.of(), get(log.latest("admin", 0)));
    }

    @Test
    void theOldestEntriesFallOffPastTheCap() throws Exception {
        for (int i = 1; i <= CAP + 2; i++) {
            get(log.append("admin", "{\"n\":" + i + "}"));
        }
        assertEquals(List.of("{\"n\":5}", "{\"n\":4}", "{\"n\":3}"), get(log.latest("admin", 10)));
    }
}
