package io.poolforge.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A Batch account and its quotas. {@code familyCoreQuotas}: dedicated cores per VM family
 * (for example standardDv3Family → 100); {@code perFamilyQuotaEnforced} mirrors
 * {@code dedicatedCoreQuotaPerVMFamilyEnforced}. For USER_SUBSCRIPTION accounts the quotas are the
 * subscription's regional quotas, filled in by the adapter.
 */
public record BatchAccountInfo(String id, String name, String subscriptionId, String tenantId, String location,
                               PoolAllocationMode poolAllocationMode, int dedicatedCoreQuota, int lowPriorityCoreQuota,
                               Map<String, Integer> familyCoreQuotas, boolean perFamilyQuotaEnforced, int poolQuota,
                               AccountUsage usage) {
    public BatchAccountInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        if (poolAllocationMode == null) poolAllocationMode = PoolAllocationMode.BATCH_SERVICE;
        familyCoreQuotas = familyCoreQuotas == null ? Map.of() : Map.copyOf(familyCoreQuotas);
        if (usage == null) usage = AccountUsage.none();
        if (dedicatedCoreQuota < 0 || lowPriorityCoreQuota < 0 || poolQuota < 0) {
            throw new IllegalArgumentException("quota < 0");
        }
    }

    /** This account with what it already uses (read by {@code io.poolforge.azure.AccountReader}). */
    public BatchAccountInfo withUsage(AccountUsage u) {
        return new BatchAccountInfo(id, name, subscriptionId, tenantId, location, poolAllocationMode, dedicatedCoreQuota,
                lowPriorityCoreQuota, familyCoreQuotas, perFamilyQuotaEnforced, poolQuota, u);
    }

    /**
     * This account with the core quotas that apply to it: for a user-subscription account, the
     * subscription's regional vCPU limits (total, Spot/low-priority, per family, always enforced per family).
     */
    public BatchAccountInfo withCoreQuotas(int dedicated, int lowPriority, Map<String, Integer> families, boolean perFamily) {
        return new BatchAccountInfo(id, name, subscriptionId, tenantId, location, poolAllocationMode, dedicated, lowPriority,
                families, perFamily, poolQuota, usage);
    }

    /** The family quota, or null if the account does not state one for that family. */
    public Integer familyCoreQuota(String family) {
        return familyCoreQuotas.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(family))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
