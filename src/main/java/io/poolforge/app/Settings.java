package io.poolforge.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's preferences (language, last cloud, client id...). Never secrets: tokens live only in
 * the OS-encrypted token cache of azure-identity. Written atomically (temp file + rename).
 */
public final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final String LANGUAGE = "language";
    private static final String THEME = "theme";

    private final Path file;
    private final Properties props = new Properties();

    public Settings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                LOG.warn("Could not read settings {}; using defaults", file, e);
            }
        }
    }

    /** The language the user chose in the app, if any (otherwise the OS locale applies). */
    public synchronized Optional<Locale> language() {
        String tag = props.getProperty(LANGUAGE);
        return tag == null || tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public synchronized void setLanguage(Locale locale) {
        props.setProperty(LANGUAGE, locale.toLanguageTag());
    }

    /** The theme the user chose in the app (light, dark, or following the OS: the default). */
    public synchronized io.poolforge.ui.Theme.Choice theme() {
        String v = props.getProperty(THEME, "");
        for (io.poolforge.ui.Theme.Choice c : io.poolforge.ui.Theme.Choice.values()) {
            if (c.name().equalsIgnoreCase(v)) return c;
        }
        return io.poolforge.ui.Theme.Choice.SYSTEM;
    }

    public synchronized void setTheme(io.poolforge.ui.Theme.Choice choice) {
        props.setProperty(THEME, choice.name().toLowerCase(Locale.ROOT));
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(props.getProperty(key));
    }

    public synchronized void put(String key, String value) {
        props.setProperty(key, value);
    }

    /** Writes the settings; call off the UI thread. */
    public void save() throws IOException {
        Properties copy;
        synchronized (this) {
            copy = new Properties();
            copy.putAll(props);
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            copy.store(out, "PoolForge settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
