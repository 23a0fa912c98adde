package io.poolforge.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A VM size as Batch lists it for a region (Location - List Supported Virtual Machine SKUs).
 * {@code resourceDiskMb} is the size's local temporary (resource) disk, from the SKU capability
 * {@code MaxResourceVolumeMB}: 0 when the size has none (Dv5, Dsv5, Esv5...), null when not reported.
 */
public record VmSkuInfo(String name, String family, int vCpus, double memoryGb, Set<HyperVGeneration> generations,
                        boolean lowPriorityCapable, Instant batchSupportEndOfLife, Long resourceDiskMb) {
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

    /** True if the size reports no temporary disk; false if it has one or does not say. */
    public boolean lacksTempDisk() { return resourceDiskMb != null && resourceDiskMb == 0; }

    public boolean boots(HyperVGeneration g) { return g == null || generations.contains(g); }
}
