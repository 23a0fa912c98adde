package io.poolforge.azure;

import java.util.Map;

/** A pool's nodes by state (creating, starting, idle, running, unusable, preempted, startTaskFailed...). */
public record NodeCounts(String poolId, Map<String, Integer> dedicated, Map<String, Integer> lowPriority) {
    public NodeCounts {
        dedicated = Map.copyOf(dedicated);
        lowPriority = Map.copyOf(lowPriority);
    }

    public int dedicated(String state) { return dedicated.getOrDefault(state, 0); }

    public int lowPriority(String state) { return lowPriority.getOrDefault(state, 0); }
}
