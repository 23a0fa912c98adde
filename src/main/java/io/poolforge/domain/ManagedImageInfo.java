package io.poolforge.domain;

import java.util.List;
import java.util.Objects;

/** A managed image ({@code Microsoft.Compute/images}) and the snapshots it was built from. */
public record ManagedImageInfo(String id, String name, String subscriptionId, String resourceGroup, String location,
                               OsType osType, OsState osState, HyperVGeneration hyperVGeneration,
                               List<String> sourceIds) {
    public ManagedImageInfo {
        Objects.requireNonNull(name, "name");
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }
}
