package dev.firebreak.daemon.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A line per API request on firebreak.access: method, route pattern, status, duration, user; never a token. */
class AccessLogTest {
    @TempDir
    Path data;

    @Test
    void eachRequestIsLoggedWithItsFieldsAndNoToken() throws Exception {
        Logger access = (Logger) LoggerFactory.getLogger("firebreak.access");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        access.addAppender(captured);
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            String token = TestDaemon.tokenFor(app, Role.AGENT, "xiaoli");
            assertEquals(200, Http.callAs(app, token, "GET", "/api/alerts?limit=5", null).statusCode());
            assertEquals(404, Http.callAs(app, token, "GET", "/api/alerts/no-such-alert/lifecycle", null).statusCode());
            String wrong = "fbt_" + "x".repeat(40);
            assertEquals(401, Http.callAs(app, wrong, "GET", "/api/alerts", null).statusCode());
            assertEquals(200, Http.callAs(app, null, "GET", "/health", null).statusCode());
            Await.until(() -> captured.list.size() >= 4, Duration.ofSeconds(5), "four access lines");

            List<Map<String, Object>> lines = captured.list.stream().map(AccessLogTest::fields).toList();
            assertEquals(Map.of("method", "GET", "route", "/api/alerts", "status", 200, "user", "xiaoli"), without(lines.get(0)));
            assertEquals(Map.of("method", "GET", "route", "/api/alerts/:id/lifecycle", "status", 404, "user", "xiaoli"),
                    without(lines.get(1)), "the route's pattern, not the id");
            assertEquals(401, lines.get(2).get("status"));
            assertEquals("-", lines.get(2).get("user"));
            assertEquals(Map.of("method", "GET", "route", "/health", "status", 200, "user", "-"), without(lines.get(3)));
            assertTrue(((Number) lines.get(0).get("durationMs")).longValue() >= 0);
            for (ILoggingEvent e : captured.list) {
                String line = e.getFormattedMessage();
                assertFalse(line.contains(token) || line.contains(wrong) || line.contains("Bearer"), line);
                assertFalse(line.contains("no-such-alert") || line.contains("limit=5"), "no ids or query: " + line);
            }
            assertTrue(captured.list.get(1).getFormattedMessage().matches("GET /api/alerts/:id/lifecycle 404 \\d+ ms user=xiaoli"),
                    captured.list.get(1).getFormattedMessage());
        } finally {
            access.detachAppender(captured);
        }
    }

    private static Map<String, Object> fields(ILoggingEvent e) {
        return e.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
    }

    private static Map<String, Object> without(Map<String, Object> fields) {
        return fields.entrySet().stream().filter(f -> !f.getKey().equals("durationMs"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
