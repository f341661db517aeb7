package dev.firebreak.daemon.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.daemon.config.LoggingConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The logging keys applied to a private logback context laid out as logback.xml lays out the daemon's. */
class LogSetupTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream err = System.err;

    /** The console appender writes to whatever System.err is when it writes: the test reads it there. */
    @BeforeEach
    void captureStderr() {
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(err);
    }

    private LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n");
        text.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();   // System.err, as in logback.xml
        appender.setName(LogSetup.APPENDER);
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(text);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.getLogger("edu.stanford").setLevel(Level.WARN);
        return context;
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void jsonFormatWritesOneParseableObjectPerLineWithATimestamp() throws Exception {
        LoggerContext context = context();
        LogSetup.apply(new LoggingConfig(LoggingConfig.Format.JSON, "info", Map.of()), context);
        Logger log = context.getLogger("dev.firebreak.daemon.Firebreak");
        log.info("Firebreak is serving on {}", "http://127.0.0.1:8080");
        log.warn("Shutdown step failed", new IllegalStateException("Redis went away\nsecond line"));
        context.getLogger("firebreak.access").atInfo().addKeyValue("route", "/api/alerts").addKeyValue("status", 200).log("GET /api/alerts 200");
        List<String> lines = lines();
        assertEquals(3, lines.size(), String.join("\n", lines));
        JsonNode first = FirebreakJson.mapper().readTree(lines.get(0));
        OffsetDateTime.parse(first.get("time").asText());   // ISO-8601 with its offset
        assertEquals("INFO", first.get("level").asText());
        assertEquals("dev.firebreak.daemon.Firebreak", first.get("logger").asText());
        assertEquals(Thread.currentThread().getName(), first.get("thread").asText());
        assertEquals("Firebreak is serving on http://127.0.0.1:8080", first.get("message").asText());
        JsonNode second = FirebreakJson.mapper().readTree(lines.get(1));
        assertTrue(second.get("exception").asText().startsWith("java.lang.IllegalStateException: Redis went away"),
                second.toString());
        JsonNode third = FirebreakJson.mapper().readTree(lines.get(2));
        assertEquals("/api/alerts", third.get("route").asText(), "key-value pairs as fields");
        assertEquals(200, third.get("status").asInt());
    }

    @Test
    void logbackXmlDeclaresTheAppenderLogSetupSwitchesAndQuietsThirdParties() {
        LoggerContext shipped = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        assertTrue(shipped.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogSetup.APPENDER) instanceof ConsoleAppender,
                "logback.xml's console appender is the one json format replaces");
        for (String chatty : List.of("edu.stanford", "io.netty", "io.lettuce", "io.vertx", "org.apache.lucene")) {
            assertEquals(Level.WARN, shipped.getLogger(chatty).getLevel(), chatty);
        }
        assertEquals(Level.INFO, shipped.getLogger("firebreak.access").getEffectiveLevel());
    }

    @Test
    void textFormatStampsEveryLineAndLevelsApply() {
        LoggerContext context = context();
        LogSetup.apply(new LoggingConfig(LoggingConfig.Format.TEXT, "warn", Map.of("edu.stanford", "info")), context);
        context.getLogger("dev.firebreak.x").info("not shown: Firebreak's level is warn");
        context.getLogger("dev.firebreak.x").warn("shown");
        context.getLogger("edu.stanford.nlp.Loader").info("shown: asked for in levels");
        List<String> lines = lines();
        assertEquals(2, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            OffsetDateTime.parse(line.substring(0, line.indexOf(' ')));
        }
        assertTrue(lines.get(0).endsWith("WARN  [" + Thread.currentThread().getName() + "] dev.firebreak.x - shown"), lines.get(0));
    }
}
