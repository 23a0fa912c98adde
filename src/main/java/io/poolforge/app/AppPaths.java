package io.poolforge.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where PoolForge keeps its files: {@code ~/.poolforge} on Linux, {@code %LOCALAPPDATA%\PoolForge}
 * on Windows, {@code ~/Library/Application Support/PoolForge} on macOS. The system property
 * {@code poolforge.home} overrides it (tests use a folder under target/).
 */
public record AppPaths(Path home) {

    public static AppPaths fromEnvironment() {
        String override = System.getProperty("poolforge.home");
        if (override != null && !override.isBlank()) return new AppPaths(Path.of(override).toAbsolutePath());
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return new AppPaths((local != null ? Path.of(local) : userHome.resolve("AppData/Local")).resolve("PoolForge"));
        }
        if (os.contains("mac")) {
            return new AppPaths(userHome.resolve("Library/Application Support/PoolForge"));
        }
        return new AppPaths(userHome.resolve(".poolforge"));
    }

    public Path logs() { return home.resolve("logs"); }

    public Path settingsFile() { return home.resolve("settings.properties"); }

    public Path runs() { return home.resolve("runs"); }

    /** Files PoolForge can make again at any time (the class-data archive of the relaunched desktop, PF-21). */
    public Path cache() { return home.resolve("cache"); }
}
