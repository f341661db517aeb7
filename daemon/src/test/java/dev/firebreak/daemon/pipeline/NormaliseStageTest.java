package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormaliseStageTest {
    @Test
    void textIsTrimmedAndTheLastCopyOfAMentionIsKept() {
        Batch batch = new Batch(List.of(mention("1", "  first  ", 0), mention("2", "two", 0), mention("1", "again\n", 1)), 0);
        new NormaliseStage().apply(batch);
        assertEquals(List.of("weibo:2", "weibo:1"), List.copyOf(batch.unique.keySet()), "a later copy moves to the end");
        assertEquals("again", batch.unique.get("weibo:1").text());
        assertEquals("two", batch.unique.get("weibo:2").text());
    }
}
