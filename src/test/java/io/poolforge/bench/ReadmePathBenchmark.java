package io.poolforge.bench;

import io.poolforge.app.AppPaths;
import io.poolforge.app.DesktopRelaunch;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The README's path, {@code java -jar poolforge.jar}, as {@code Main} takes it with no arguments: this JVM (JavaFX on
 * the class path, default JVM options) relaunches the desktop through {@link DesktopRelaunch#run} exactly as Main
 * does, with {@link AppBenchmark} in place of Main. The child measures from this JVM's start ({@code origin=}), so
 * its {@code interactiveMs} and {@code connectedMs} include this JVM and the relaunch. The first start in a fresh
 * PoolForge folder has no class-data archive and makes it afterwards (bench/run.sh waits for it); the second maps it.
 *
 * <p>Args: {@code startup} (default) or {@code flow [demo|large]}. Prints the relaunching JVM's own peak RSS as
 * {@code BENCH readme-parent} (the child's figures are its own).
 */
public final class ReadmePathBenchmark {
    private ReadmePathBenchmark() {
    }

    public static void main(String[] args) {
        long origin = ManagementFactory.getRuntimeMXBean().getStartTime();
        AppPaths paths = AppPaths.fromEnvironment();
        String mode = args.length > 0 ? args[0] : "startup";
        String scenario = args.length > 1 ? args[1] : "demo";
        if (DesktopRelaunch.javafxInBootLayer()) throw new IllegalStateException("run me on the class path");
        boolean archived = false;
        // A plain loop, as DesktopRelaunch's: a stream's lambdas would add their bootstrap to the path being timed.
        try (var files = java.nio.file.Files.newDirectoryStream(paths.cache().resolve("cds"), "*.jsa")) {
            for (var f : files) archived = true;
        } catch (java.io.IOException e) {
            archived = false;
        }
        int code = DesktopRelaunch.run(paths, AppBenchmark.class.getName(), List.of(mode, scenario, "origin=" + origin))
                .orElseThrow(() -> new IllegalStateException("this JVM cannot relaunch (no lib/ with JavaFX beside the jar)"));
        new Bench.Result("readme-parent").put("archiveBefore", archived ? "yes" : "no").put("childExit", code)
                .put("peakRssMb", Bench.procStatusMb("VmHWM")).print();
        System.exit(code);
    }
}
