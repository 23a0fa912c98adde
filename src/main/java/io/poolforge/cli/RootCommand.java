package io.poolforge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code poolforge}: with no subcommand it opens the desktop window; subcommands run the same
 * code paths from a terminal.
 */
@Command(name = "poolforge",
        mixinStandardHelpOptions = true,
        subcommands = {ValidateCommand.class, ExportCommand.class, RunCommand.class, InspectCommand.class, SandboxCommand.class, SignOutCommand.class},
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
    private final Path home;

    /** With the PoolForge folder of the environment ({@code poolforge.home}, else the OS's per-user folder). */
    public RootCommand(Runnable desktop) {
        this(desktop, null);
    }

    /** @param home the PoolForge folder (runs live in its {@code runs/}); null: the environment's */
    public RootCommand(Runnable desktop, Path home) {
        this.desktop = desktop;
        this.home = home;
    }

    /** The PoolForge folder the commands keep their files in. */
    Path home() {
        return home != null ? home : PoolForgeHome.fromEnvironment();
    }

    @Override
    public Integer call() {
        desktop.run();
        return ExitCodes.OK;
    }
}
