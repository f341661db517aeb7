package dev.firebreak.connectors.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connect.api.Watchlist;
import dev.firebreak.core.Mention;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rebase: first-start}: the stream's first mention lands at the first start, and a restart keeps the shift. */
class ReplayRebaseTest {
    static final Instant FIRST_START = Instant.parse("2026-12-07T10:15:30.750Z");
    @TempDir
    Path tmp;
    final Vertx vertx = Vertx.vertx();
    final AtomicReference<Instant> wall = new AtomicReference<>(FIRST_START);

    @AfterEach
    void close() {
        vertx.close();
    }

    Path file(String... lines) throws Exception {
        Path f = tmp.resolve("demo.jsonl");
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        return f;
    }

    PollTask task(Path f, String rebase) throws Exception {
        var c = ConnectorTypes.create(new ConnectorConfig("demo", "replay",
                Map.of("path", f.toString(), "speed", "max", "batchSize", 2, "rebase", rebase)));
        InstantSource clock = () -> wall.get();
        return c.task(c.feeds().get(0), new TaskContext(vertx, Watchlist.NONE, clock));
    }

    static PollResult poll(PollTask t, String cursor) throws Exception {
        return t.poll(cursor).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static List<Instant> times(PollResult r) {
        return r.mentions().stream().map(m -> m.createdAt().toInstant()).toList();
    }

    static Instant original(int minute) {
        return OffsetDateTime.parse("2026-11-20T10:" + String.format("%02d", minute) + ":00+08:00").toInstant();
    }

    @Test
    void theFirstMentionLandsAtTheFirstStartAndARestartKeepsTheShift() throws Exception {
        Path f = file(ReplayConnectorTest.line(1, "00:00"), ReplayConnectorTest.line(2, "10:00"),
                ReplayConnectorTest.line(3, "20:00"), ReplayConnectorTest.line(4, "30:00"));
        PollResult first = poll(task(f, "first-start"), null);
        Instant at = FIRST_START.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertEquals(List.of(at, at.plusSeconds(600)), times(first), "the first mention at the first start, the gaps kept");
        assertEquals(List.of("1", "2"), first.mentions().stream().map(Mention::id).toList(), "ids unchanged");
        assertEquals("+08:00", first.mentions().get(0).createdAt().getOffset().getId(), "the stream's own offset");

        // A restart a day later (a new task, the saved cursor): the same shift, not one chosen now.
        wall.set(FIRST_START.plusSeconds(86_400));
        PollResult resumed = poll(task(f, "first-start"), first.nextCursor());
        long shift = at.getEpochSecond() - original(0).getEpochSecond();
        assertEquals(List.of(original(20).plusSeconds(shift), original(30).plusSeconds(shift)), times(resumed));
    }

    @Test
    void aFileWithNoMentionYetChoosesTheShiftAtItsFirstMention() throws Exception {
        Path f = file("{\"platform\":\"douyin\"", "not json");
        PollResult bad = poll(task(f, "first-start"), null);
        assertEquals(List.of(), bad.mentions());
        assertEquals(2, bad.problems().size());
        Files.writeString(f, ReplayConnectorTest.line(3, "20:00") + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        wall.set(FIRST_START.plusSeconds(5));
        PollResult next = poll(task(f, "first-start"), bad.nextCursor());
        assertEquals(List.of(FIRST_START.plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), times(next));
    }

    @Test
    void aReplayBegunWithoutRebasingGoesOnAsItBeganAndNoneShiftsNothing() throws Exception {
        Path f = file(ReplayConnectorTest.line(1, "00:00"), ReplayConnectorTest.line(2, "10:00"),
                ReplayConnectorTest.line(3, "20:00"));
        PollResult plain = poll(task(f, "none"), null);
        assertEquals(List.of(original(0), original(10)), times(plain));
        PollResult switched = poll(task(f, "first-start"), plain.nextCursor());
        assertEquals(List.of(original(20)), times(switched), "what began unshifted is not re-timed half-way");
    }
}
