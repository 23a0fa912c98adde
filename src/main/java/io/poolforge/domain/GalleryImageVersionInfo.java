package io.poolforge.domain;

import java.util.List;
import java.util.Objects;

/**
 * A gallery image version ({@code Major.Minor.Patch}) with its replicas per region, the snapshots
 * or other sources it was built from, and its provisioning state.
 */
public record GalleryImageVersionInfo(String id, String version, GalleryImageInfo image, List<RegionReplica> replicas,
                                      List<String> sourceIds, String provisioningState) {
    public GalleryImageVersionInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(image, "image");
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }

    /** Replicas in {@code region} (compared ignoring case and spaces), 0 when not replicated there. */
    public int replicasIn(String region) {
        return replicas.stream().filter(r -> Regions.same(r.region(), region)).mapToInt(RegionReplica::replicaCount)
                .sum();
    }
}
