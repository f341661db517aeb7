package dev.firebreak.daemon.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.firebreak.daemon.config.LoggingConfig;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Applies the configuration's {@code logging:} keys over {@code logback.xml}: the levels of Firebreak's
 * loggers ({@code dev.firebreak}, {@code firebreak.access}) and of any logger {@code levels} names, and
 * for {@code format: json} an encoder that writes each event as one JSON object on its line:
 * {@code time} (ISO-8601 with offset), {@code level}, {@code logger}, {@code thread}, {@code message},
 * {@code exception} (the stack trace, when there is one) and the event's key-value pairs (the access log's fields).
 */
public final class LogSetup {
    /** The appender {@code logback.xml} declares. */
    static final String APPENDER = "CONSOLE";
    /** Firebreak's own loggers, which {@code logging.level} sets. */
    static final String[] OWN = {"dev.firebreak", "firebreak"};

    private LogSetup() { }

    public static void apply(LoggingConfig config) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(config, context);
        }   // else another slf4j binding: nothing of ours to set
    }

    static void apply(LoggingConfig config, LoggerContext context) {
        for (String name : OWN) {
            context.getLogger(name).setLevel(Level.toLevel(config.level()));
        }
        for (Map.Entry<String, String> e : config.levels().entrySet()) {
            context.getLogger(e.getKey()).setLevel(Level.toLevel(e.getValue()));
        }
        if (config.format() == LoggingConfig.Format.JSON) {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            if (root.getAppender(APPENDER) instanceof OutputStreamAppender<ILoggingEvent> console) {
                replaceEncoder(console, json(context));
            }
        }
    }

    /** One JSON object per event, with the field names the README documents. */
    static LogstashEncoder json(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        var names = encoder.getFieldNames();
        names.setTimestamp("time");
        names.setLogger("logger");
        names.setThread("thread");
        names.setStackTrace("exception");
        names.setVersion("[ignore]");
        names.setLevelValue("[ignore]");
        encoder.setIncludeContext(false);
        encoder.start();
        return encoder;
    }

    private static void replaceEncoder(OutputStreamAppender<ILoggingEvent> console, Encoder<ILoggingEvent> encoder) {
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }
}
