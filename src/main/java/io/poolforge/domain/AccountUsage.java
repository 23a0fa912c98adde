package io.poolforge.domain;

import java.util.Map;

/**
 * What a Batch account already uses: cores (dedicated, low-priority/Spot, per VM family) and pools.
 * {@code source} says where the figures come from: {@link Source#ACCOUNT_POOLS} (a Batch-service
 * account's pools, counted by {@code io.poolforge.domain.rules.UsageCounter}), {@link Source#SUBSCRIPTION}
 * (a user-subscription account: the subscription's regional compute usage) or {@link Source#UNKNOWN}
 * (nothing was read: {@link #none()}).
 */
public record AccountUsage(int dedicatedCores, int lowPriorityCores, Map<String, Integer> familyCores, int pools,
                           Source source) {
    /** Where usage figures come from. */
    public enum Source { UNKNOWN, ACCOUNT_POOLS, SUBSCRIPTION }

    public AccountUsage {
        if (dedicatedCores < 0 || lowPriorityCores < 0 || pools < 0) throw new IllegalArgumentException("usage < 0");
        familyCores = familyCores == null ? Map.of() : Map.copyOf(familyCores);
        if (source == null) source = Source.UNKNOWN;
    }

    /** Usage counted from an account's pools. */
    public AccountUsage(int dedicatedCores, int lowPriorityCores, Map<String, Integer> familyCores, int pools) {
        this(dedicatedCores, lowPriorityCores, familyCores, pools, Source.ACCOUNT_POOLS);
    }

    /** Nothing read yet. */
    public static AccountUsage none() { return new AccountUsage(0, 0, Map.of(), 0, Source.UNKNOWN); }

    public boolean known() { return source != Source.UNKNOWN; }

    /** Cores in use in a VM family (case-insensitive, as Azure spells families inconsistently). */
    public int familyCores(String family) {
        Integer exact = familyCores.get(family);
        if (exact != null) return exact;
        return familyCores.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(family))
                .mapToInt(Map.Entry::getValue).findFirst().orElse(0);
    }
}
