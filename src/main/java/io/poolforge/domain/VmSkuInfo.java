package io.poolforge.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A VM size as Batch lists it for a region (Location - List Supported Virtual Machine SKUs).
 * {@code resourceDiskMb} is the size's local temporary (resource) disk, from the SKU capability
 * {@code MaxResourceVolumeMB}: 0 when the size has none (Dv5, Dsv5, Esv5...), null when not reported.
 * {@code trustedLaunchDisabled} is the SKU capability {@code TrustedLaunchDisabled} ("Output that includes
 * `TrustedLaunchDisabled True` indicates that the Generation 2 VM size doesn't support Trusted Launch. If it's a Generation 2
 * VM size and `TrustedLaunchDisabled` isn't part of the output, Trusted Launch is supported for that VM size.",
 * MicrosoftDocs azure-compute-docs trusted-launch-faq.md, "How can I find VM sizes that support Trusted Launch?", read
 * 2026-12-07); {@code confidentialComputingType} the capability {@code ConfidentialComputingType} (for example "SNP"), null
 * when absent. Both come from the same SKU capabilities list as HyperVGenerations (PF-16).
 */
public record VmSkuInfo(String name, String family, int vCpus, double memoryGb, Set<HyperVGeneration> generations,
                        boolean lowPriorityCapable, Instant batchSupportEndOfLife, Long resourceDiskMb,
                        boolean trustedLaunchDisabled, String confidentialComputingType) {
    public VmSkuInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        if (vCpus < 1) throw new IllegalArgumentException("vCpus < 1");
        generations = generations == null || generations.isEmpty() ? Set.of(HyperVGeneration.V1) : Set.copyOf(generations);
    }

    public VmSkuInfo(String name, String family, int vCpus, double memoryGb, Set<HyperVGeneration> generations,
                     boolean lowPriorityCapable, Instant batchSupportEndOfLife) {
        this(name, family, vCpus, memoryGb, generations, lowPriorityCapable, batchSupportEndOfLife, null);
    }

    public VmSkuInfo(String name, String family, int vCpus, double memoryGb, Set<HyperVGeneration> generations,
                     boolean lowPriorityCapable, Instant batchSupportEndOfLife, Long resourceDiskMb) {
        this(name, family, vCpus, memoryGb, generations, lowPriorityCapable, batchSupportEndOfLife, resourceDiskMb, false, null);
    }

    /**
     * True when the size can run Trusted Launch VMs: a Generation 2 size whose capabilities do not say
     * {@code TrustedLaunchDisabled True} (trusted-launch-faq.md; Trusted Launch is a Generation 2 feature, trusted-launch.md).
     */
    public boolean runsTrustedLaunch() {
        return generations.contains(HyperVGeneration.V2) && !trustedLaunchDisabled;
    }

    /** True if the size reports no temporary disk; false if it has one or does not say. */
    public boolean lacksTempDisk() { return resourceDiskMb != null && resourceDiskMb == 0; }

    public boolean boots(HyperVGeneration g) { return g == null || generations.contains(g); }
}
