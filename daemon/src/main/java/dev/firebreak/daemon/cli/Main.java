package dev.firebreak.daemon.cli;

import dev.firebreak.daemon.config.ConfigError;
import java.util.ServiceLoader;

/** The {@code ./firebreak} command line: it only picks a command and reports its failure in one line. */
public final class Main {
    static final String HELP = """
            Usage: firebreak COMMAND [OPTIONS]

            Firebreak watches Weibo, Douyin and Xiaohongshu for mentions of a brand and raises alerts
            early, while a complaint is still small.

            Commands:
              run       start the daemon (no config: demo stream, feed at http://localhost:8080)
              replay    run the whole pipeline over a Mention JSONL file and write the alerts
              sentiment analyse one text per line from stdin, one JSON line per text on stdout
              bench     measure the end-to-end path, the analysis stage ('bench analysis') or the
                        virality forecast ('bench virality')
              virality  forecast each root post's final size from its early reposts in a Mention JSONL file
              train     train the sentiment and emotion model from labelled CSV files
              rules     check a folder of rule files, or backtest it over the indexed history
              backup    back up a running daemon's index and Redis state into a folder
              restore   put a backup back into a stopped daemon's data directory

            Run 'firebreak COMMAND --help' for a command's options; 'firebreak --version' prints the version.
            """;

    private Main() { }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String[] argv) {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            System.out.print(HELP);
            return argv.length == 0 ? 2 : 0;
        }
        if (argv[0].equals("--version") || argv[0].equals("-V")) {
            System.out.println("firebreak " + Version.current());
            return 0;
        }
        try {
            return switch (argv[0]) {
                case "run" -> RunCommand.run(argv);
                case "replay" -> ReplayCommand.run(argv);
                case "sentiment" -> SentimentCommand.run(argv);
                case "rules" -> RulesCommand.run(argv);
                case "virality" -> ViralityCommand.run(argv);
                case "bench", "train" -> tool(argv);
                case "backup" -> BackupCommand.run(argv);
                case "restore" -> RestoreCommand.run(argv);
                default -> {
                    System.err.println("firebreak: unknown command \"" + argv[0] + "\" (expected run, replay, sentiment, virality, bench, train, rules, backup, restore)");
                    yield 2;
                }
            };
        } catch (Args.UsageException e) {
            System.err.println("firebreak " + e.getMessage());
            return 2;
        } catch (ConfigError e) {
            e.problems().forEach(System.err::println);
            return 1;
        } catch (Exception e) {
            System.err.println("firebreak " + argv[0] + ": " + e.getMessage());
            return 1;
        }
    }

    /** A command of the tools jar, or a one-line error when that jar is not on the class path. */
    private static int tool(String[] argv) throws Exception {
        for (ToolCommand command : ServiceLoader.load(ToolCommand.class)) {
            if (command.name().equals(argv[0])) return command.run(argv);
        }
        System.err.println("firebreak " + argv[0] + ": the tools jar is not on the class path"
                + " (build it with 'mvn -pl tools -am package' and run ./firebreak " + argv[0] + " from the checkout)");
        return 1;
    }

    static int port(String text) throws Args.UsageException {
        try {
            int p = Integer.parseInt(text);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new Args.UsageException("--port: expected a port number from 0 to 65535, got \"" + text + "\"");
    }
}
