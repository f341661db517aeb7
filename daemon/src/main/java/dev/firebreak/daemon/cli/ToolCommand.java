package dev.firebreak.daemon.cli;

/**
 * A command that lives outside the daemon (training, benchmarks: the tools module), found at run time
 * with {@link java.util.ServiceLoader} so the daemon does not depend on it. The launcher puts the tools
 * jar on the class path only for those commands.
 */
public interface ToolCommand {
    /** The first word of the command line, e.g. {@code train}. */
    String name();

    /** Runs the command on the whole command line ({@code argv[0]} is {@link #name()}); returns the exit code. */
    int run(String[] argv) throws Exception;
}
