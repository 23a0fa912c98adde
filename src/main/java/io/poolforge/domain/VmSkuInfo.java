package io.poolforge.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A VM size as Batch lists it for a region (Location - List Supported Virtual Machine SKUs). */
public record VmSkuInfo(String name, String family, int vCpus, double memoryGb, Set<HyperVGeneration> generations,
                        boolean lowPriorityCapable, Instant batchSupportEndOfLife) {
    public VmSkuInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        if (vCpus < 1) throw new IllegalArgumentException("vCpus < 1");
        generations = generations == null || generations.isEmpty() ? Set.of(HyperVGeneration.V1) : Set.copyOf(generations);
    }

    public boolean boots(HyperVGeneration g) { return g == null || generations.contains(g); }
}
