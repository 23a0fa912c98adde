package io.poolforge.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The export formats, by the name the command line uses. */
public enum ExportFormat {
    AZ("az", "sh"),
    PWSH("pwsh", "ps1"),
    ARM("arm", "json"),
    POOL_JSON("pool-json", "json"),
    /** The Batch service's "Add pool" body, for {@code az batch pool create --json-file} or a POST to the account's /pools. */
    BATCH_POOL_JSON("batch-pool-json", "json");

    private final String id;
    private final String extension;

    ExportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    public String id() { return id; }

    public String extension() { return extension; }

    public static Optional<ExportFormat> byId(String id) {
        String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(s)).findFirst();
    }
}
