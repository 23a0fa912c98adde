package io.poolforge.app;

import io.poolforge.cli.RootCommand;
import javafx.application.Application;
import picocli.CommandLine;

/**
 * Entry point. Not a JavaFX Application (on the class path that fails with "JavaFX runtime
 * components are missing"): it parses the command line and either runs a command or launches
 * {@link DesktopApp}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        AppPaths paths = AppPaths.fromEnvironment();
        // Before the first logger is made: logback.xml writes to this folder.
        System.setProperty("poolforge.logdir", paths.logs().toString());
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args.length == 0) {
            // The desktop, as RootCommand would open it: building picocli's model of every command first
            // (Jackson, logback, the commands' classes) delays the first window by 0.3-1 s (docs/BENCHMARKS.md).
            Application.launch(DesktopApp.class);
            System.exit(0);
        }
        CommandLine cli = new CommandLine(new RootCommand(() -> Application.launch(DesktopApp.class), paths.home()));
        int code = cli.execute(args);
        System.exit(code);
    }
}
