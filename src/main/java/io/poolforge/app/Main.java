package io.poolforge.app;

import io.poolforge.cli.RootCommand;
import java.util.List;
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

    /**
     * Logback reads its XML configuration (Joran and a SAX parser: ~600 classes, 0.2-0.5 s) on another core
     * while JavaFX starts, so that nothing on the first screen's path waits for it (PF-13).
     */
    public static void initLoggingInBackground() {
        Thread logInit = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "log-init");
        logInit.setDaemon(true);
        logInit.start();
    }

    /**
     * Opens the desktop. JavaFX must be named modules in the boot layer (as in the packaged runtime, where
     * jlink put them there, or with {@code --module-path}); on the class path it warns "Unsupported JavaFX
     * configuration". {@code java -jar poolforge.jar} can only use the class path, so then the desktop is
     * started once more in a child JVM with JavaFX's jars (lib/javafx-*-PLATFORM.jar) on the module path
     * (docs/DECISIONS.md, PF-14), with the installed launcher's JVM options and this user's class-data archive
     * ({@link DesktopRelaunch}, PF-21). Logging starts only in the JVM that opens the window.
     */
    static void launchDesktop(AppPaths paths, String[] args) {
        if (!DesktopRelaunch.javafxInBootLayer() && !Boolean.getBoolean("poolforge.relaunched")) {
            java.util.Optional<Integer> code = DesktopRelaunch.run(paths, Main.class.getName(), List.of(args));
            if (code.isPresent()) System.exit(code.get());
        }
        initLoggingInBackground();
        renderingDefaults();
        Application.launch(DesktopApp.class);
    }

    /**
     * JavaFX's settings for the desktop JVM, set before the toolkit starts unless the user gave their own (PF-21, seventh
     * pass): Prism's region background cache off ({@code prism.disableRegionCaching}). With it on, the first control
     * whose background has more than one fill (most of AtlantaFX's) makes a 2048 x 1024 texture to cache backgrounds in:
     * on the software pipeline an 8 MB {@code int[]} kept for the life of the window, which the bare window never makes.
     * Measured (docs/BENCHMARKS.md, seventh pass): peak RSS once connected -10 MB, the render thread's CPU while 10,001
     * VMs are listed -44 ms, start-up and the FX thread unchanged. The desktop, the screenshot walks and the benchmarks
     * all start through here.
     */
    public static void renderingDefaults() {
        if (System.getProperty("prism.disableRegionCaching") == null) System.setProperty("prism.disableRegionCaching", "true");
    }

    public static void main(String[] args) {
        AppPaths paths = AppPaths.fromEnvironment();
        // Before the first logger is made: the log (logging.LogSetup) goes to this folder.
        System.setProperty("poolforge.logdir", paths.logs().toString());
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args.length == 0) {
            // The desktop, as RootCommand would open it: building picocli's model of every command first
            // (Jackson, logback, the commands' classes) delays the first window by 0.3-1 s (docs/BENCHMARKS.md).
            launchDesktop(paths, args);
            System.exit(0);
        }
        CommandLine cli = new CommandLine(new RootCommand(() -> launchDesktop(paths, args), paths.home()));
        int code = cli.execute(args);
        System.exit(code);
    }
}
