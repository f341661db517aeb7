package dev.firebreak.daemon.cli;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.ConfigLoader;
import dev.firebreak.daemon.logging.LogSetup;
import dev.firebreak.daemon.config.FirebreakConfig;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code firebreak run}: the daemon, until it is stopped. */
final class RunCommand {
    static final String HELP = """
            Usage: firebreak run [--config FILE] [--port N] [--data DIR]

            Starts the daemon. With no --config it runs on built-in defaults: data under ./data,
            the bundled demo stream replayed at a pace a person can watch, push ingest on, and the
            live feed at http://localhost:8080.

              --config FILE   firebreak.yaml (see deploy/firebreak.example.yaml)
              --port N        HTTP port (overrides the file; default 8080)
              --data DIR      data directory (overrides the file; default ./data)
            """;

    private RunCommand() { }

    static int run(String[] argv) throws Exception {
        Args args = new Args("run", argv, 1, Set.of("config", "port", "data"));
        if (args.help()) {
            System.out.print(HELP);
            return 0;
        }
        Path data = Path.of(args.get("data") == null ? "./data" : args.get("data"));
        FirebreakConfig config = args.get("config") == null ? DemoConfig.create(data)
                : ConfigLoader.load(Path.of(args.get("config")));
        if (args.get("data") != null) {
            config = config.withDataDir(data);
        }
        if (args.get("port") != null) {
            config = config.withPort(Main.port(args.get("port")));
        }
        LogSetup.apply(config.logging());   // before the first component logs
        Firebreak app = Firebreak.start(config, Firebreak.Options.daemon());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "firebreak-shutdown"));
        stopped.await();
        return 0;
    }
}
