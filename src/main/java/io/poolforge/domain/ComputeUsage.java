package io.poolforge.domain;

import java.util.Objects;

/**
 * One line of a subscription's regional compute usage ({@code Microsoft.Compute/locations/{region}/usages}):
 * {@code name} is Azure's value ("cores" for Total Regional vCPUs, "lowPriorityCores" for Spot/low-priority vCPUs,
 * "standardDSv5Family" for a family), with what is in use and the limit.
 */
public record ComputeUsage(String name, long current, long limit) {
    public ComputeUsage {
        Objects.requireNonNull(name, "name");
    }
}
