package io.poolforge.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The PoolForge folder for commands that keep files (runs): the same rule as {@code app.AppPaths}
 * ({@code poolforge.home} system property, else the OS's per-user folder). The cli cannot see
 * {@code app}; {@code Main} may pass the folder to {@link RootCommand#RootCommand(Runnable, Path)} instead.
 */
final class PoolForgeHome {
    private PoolForgeHome() {
    }

    static Path fromEnvironment() {
        String override = System.getProperty("poolforge.home");
        if (override != null && !override.isBlank()) return Path.of(override).toAbsolutePath();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : userHome.resolve("AppData/Local")).resolve("PoolForge");
        }
        if (os.contains("mac")) return userHome.resolve("Library/Application Support/PoolForge");
        return userHome.resolve(".poolforge");
    }

    /** The home of the root command, or the environment's when a command runs without one (tests). */
    static Path of(RootCommand root) {
        return root == null ? fromEnvironment() : root.home();
    }
}
