package io.poolforge.azure;

import java.time.Instant;

/** A managed disk snapshot as Azure reports it. */
public record SnapshotInfo(String id, String name, String location, String sourceResourceId, int sizeGb,
                           boolean incremental, String provisioningState, Instant timeCreated) {
}
