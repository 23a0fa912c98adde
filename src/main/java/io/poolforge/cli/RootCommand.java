package io.poolforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code poolforge}: with no subcommand it opens the desktop window; subcommands run the same
 * code paths from a terminal.
 */
@Command(name = "poolforge",
        mixinStandardHelpOptions = true,
        subcommands = {ValidateCommand.class, ExportCommand.class, SandboxCommand.class},
        versionProvider = RootCommand.VersionProvider.class,
        description = {"Turns an Azure VM into a custom image and then into an Azure Batch pool.",
                "With no command, opens the desktop wizard (in the sandbox when no Azure account is set up)."})
public final class RootCommand implements Callable<Integer> {

    /** The version from the jar's manifest ("dev" when run from classes). */
    public static String version() {
        String v = RootCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Supplies the version string to picocli. */
    public static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"PoolForge " + version()};
        }
    }

    private final Runnable desktop;

    public RootCommand(Runnable desktop) {
        this.desktop = desktop;
    }

    @Override
    public Integer call() {
        desktop.run();
        return ExitCodes.OK;
    }
}
