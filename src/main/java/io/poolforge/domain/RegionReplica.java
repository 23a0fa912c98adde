package io.poolforge.domain;

import java.util.Objects;

/** A gallery image version's replication to one region: replica count and replication state (Completed, Replicating, Failed). */
public record RegionReplica(String region, int replicaCount, String state) {
    public RegionReplica {
        Objects.requireNonNull(region, "region");
        if (replicaCount < 0) throw new IllegalArgumentException("replicaCount < 0");
    }
}
