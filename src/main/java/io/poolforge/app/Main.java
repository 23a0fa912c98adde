package io.poolforge.app;

import io.poolforge.cli.RootCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * (docs/DECISIONS.md, PF-14).
     */
    static void launchDesktop(String[] args) {
        if (ModuleLayer.boot().findModule("javafx.graphics").isEmpty() && !Boolean.getBoolean("poolforge.relaunched")) {
            java.util.Optional<List<String>> child = relaunchCommand(args);
            if (child.isPresent()) {
                try {
                    Process p = new ProcessBuilder(child.get()).inheritIO().start();
                    System.exit(p.waitFor());
                } catch (java.io.IOException e) {
                    System.err.println("Could not start the desktop with JavaFX on the module path: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    System.exit(4);
                }
            }
        }
        Application.launch(DesktopApp.class);
    }

    /** java [this JVM's options] --module-path JAVAFX --add-modules javafx.controls -cp CLASS_PATH Main args. */
    static java.util.Optional<List<String>> relaunchCommand(String[] args) {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent() == null ? null : jar.getParent().resolve("lib");
            if (lib == null || !Files.isDirectory(lib)) return java.util.Optional.empty();
            List<String> modules;
            try (var files = Files.list(lib)) {
                modules = files.map(Path::toString)
                        .filter(f -> f.matches(".*javafx-[a-z]+-[0-9.]+-(linux|win|mac)[a-z0-9-]*\\.jar")).sorted().toList();
            }
            if (modules.isEmpty()) return java.util.Optional.empty();
            String javaCmd = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> cmd = new ArrayList<>();
            cmd.add(javaCmd);
            cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.add("-Dpoolforge.relaunched=true");
            cmd.add("--module-path");
            cmd.add(String.join(java.io.File.pathSeparator, modules));
            cmd.add("--add-modules");
            cmd.add("javafx.controls");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
            cmd.addAll(List.of(args));
            return java.util.Optional.of(cmd);
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public static void main(String[] args) {
        AppPaths paths = AppPaths.fromEnvironment();
        // Before the first logger is made: logback.xml writes to this folder.
        System.setProperty("poolforge.logdir", paths.logs().toString());
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args.length == 0) {
            initLoggingInBackground();
            // The desktop, as RootCommand would open it: building picocli's model of every command first
            // (Jackson, logback, the commands' classes) delays the first window by 0.3-1 s (docs/BENCHMARKS.md).
            launchDesktop(args);
            System.exit(0);
        }
        CommandLine cli = new CommandLine(new RootCommand(() -> launchDesktop(args), paths.home()));
        int code = cli.execute(args);
        System.exit(code);
    }
}
