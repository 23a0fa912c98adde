package io.poolforge.export;

import io.poolforge.i18n.Messages;

/** The exporter of each format; comments in the scripts are in {@code messages}' language. */
public final class Exporters {
    private final Messages messages;
    private final String version;

    /** @param version PoolForge's version, named in the exports' headers */
    public Exporters(Messages messages, String version) {
        this.messages = messages;
        this.version = version;
    }

    public PlanExporter of(ExportFormat format) {
        return switch (format) {
            case AZ -> new AzCliExporter(messages, version);
            case PWSH -> new PowerShellExporter(messages, version);
            case ARM -> new ArmTemplateExporter(version);
            case POOL_JSON -> new PoolJsonExporter(false);
            case BATCH_POOL_JSON -> new PoolJsonExporter(true);
        };
    }
}
