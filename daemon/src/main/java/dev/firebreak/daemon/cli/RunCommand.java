package dev.firebreak.daemon.cli;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.ConfigError;
import dev.firebreak.daemon.config.ConfigLoader;
import dev.firebreak.daemon.logging.LogSetup;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.lifecycle.Signals;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code firebreak run}: the daemon, until SIGTERM or SIGINT; SIGHUP reloads the configuration file. */
final class RunCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    static final String HELP = """
            Usage: firebreak run [--config FILE] [--port N] [--data DIR]

            Starts the daemon. With no --config it runs on built-in defaults: data under ./data,
            the bundled demo stream replayed at a pace a person can watch, push ingest on, and the
            live feed at http://localhost:8080.

              --config FILE   firebreak.yaml (see deploy/firebreak.example.yaml)
              --port N        HTTP port (overrides the file; default 8080)
              --data DIR      data directory (overrides the file; default ./data)

            Signals: TERM or INT stop it in order (a second one exits at once); HUP re-reads --config and
            applies rules, channels and connector settings live (other changed keys need a restart).
            """;

    private RunCommand() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("run", argv, 1, Set.of("config", "port", "data"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        FirebreakConfig config = startConfig(args);
        LogSetup.apply(config.logging());   // before the first component logs
        Firebreak app = Firebreak.start(config, Firebreak.Options.daemon());
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTerminate(stop::countDown);
        Signals.onHangup(() -> reload(app, args));
        // Other ways out (System.exit elsewhere) still close; after an orderly stop this does nothing.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "firebreak-shutdown"));
        stop.await();
        LOG.info("stop signal received: stopping");
        app.close();
        return 0;
    }

    /** What the daemon starts on: the file (or, with no --config, the demo) with --data and --port over it. */
    static FirebreakConfig startConfig(Args args) throws Exception {
        Path data = Path.of(args.get("data") == null ? "./data" : args.get("data"));
        return args.get("config") == null ? withOverrides(DemoConfig.create(data), args) : read(args);
    }

    /** The configuration file with the command line's overrides, as at start. */
    private static FirebreakConfig read(Args args) throws Exception {
        return withOverrides(ConfigLoader.load(Path.of(args.get("config"))), args);
    }

    /** --data and --port over the file's (or the demo's) values, at start and on every reload alike. */
    private static FirebreakConfig withOverrides(FirebreakConfig config, Args args) throws Args.UsageException {
        if (args.get("data") != null) {
            config = config.withDataDir(Path.of(args.get("data")));
        }
        if (args.get("port") != null) {
            config = config.withPort(Main.port(args.get("port")));
        }
        return config;
    }

    /** SIGHUP: re-read and apply, on a thread of its own; a file that does not check changes nothing. */
    private static void reload(Firebreak app, Args args) {
        Thread t = new Thread(() -> {
            if (args.get("config") == null) {
                LOG.warn("SIGHUP: no --config file to reload (the demo configuration is built in)");
                return;
            }
            LOG.info("SIGHUP: reloading {}", args.get("config"));
            try {
                app.reload(read(args));
            } catch (ConfigError e) {
                LOG.warn("configuration refused, the one in force stays:\n  {}", String.join("\n  ", e.problems()));
            } catch (Exception e) {
                LOG.warn("configuration reload failed, the one in force stays: {}", e.toString());
            }
        }, "firebreak-reload");
        t.start();
    }
}
