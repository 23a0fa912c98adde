package io.poolforge.domain;

import java.util.Map;

/** What a Batch account already uses: cores (dedicated, low-priority, per VM family) and pools. */
public record AccountUsage(int dedicatedCores, int lowPriorityCores, Map<String, Integer> familyCores, int pools) {
    public AccountUsage {
        if (dedicatedCores < 0 || lowPriorityCores < 0 || pools < 0) throw new IllegalArgumentException("usage < 0");
        familyCores = familyCores == null ? Map.of() : Map.copyOf(familyCores);
    }

    public static AccountUsage none() { return new AccountUsage(0, 0, Map.of(), 0); }

    public int familyCores(String family) { return familyCores.getOrDefault(family, 0); }
}
