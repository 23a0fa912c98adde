package io.poolforge.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The cloud last chosen (PF-8), remembered in the PoolForge folder's {@code settings.properties} (key {@code cloud},
 * a {@link CloudProfile#name()}), shared by the desktop app and the command line. Blocking file access: not on the FX thread.
 */
public final class CloudChoice {
    static final String KEY = "cloud";
    private final Path file;

    public CloudChoice(Path settingsFile) {
        this.file = settingsFile;
    }

    /** The remembered cloud, if any and known. */
    public Optional<CloudProfile> remembered() {
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return CloudProfile.named(p.getProperty(KEY));
    }

    /** Remembers {@code cloud}, keeping the file's other settings. */
    public void remember(CloudProfile cloud) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        p.setProperty(KEY, cloud.name());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "PoolForge settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
