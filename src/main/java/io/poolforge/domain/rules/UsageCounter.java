package io.poolforge.domain.rules;

import io.poolforge.domain.AccountUsage;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ComputeUsage;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.VmSkuInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an account already uses, counted the way the quota rules need it; pure.
 *
 * <p>Batch-service accounts: the account's quotas (dedicatedCoreQuota, lowPriorityCoreQuota,
 * dedicatedCoreQuotaPerVMFamily, poolQuota) come from the account; usage is counted from its pools, in nodes
 * times the size's vCPUs, the way Batch charges cores: for the nodes a pool has allocated ("Batch service quotas
 * and limits": core quotas count the cores of the pools' nodes). A steady (or stopping) pool holds its
 * {@code current} nodes: a steady pool whose last resize failed (target above current) holds only what it got. A
 * resizing pool holds {@code max(current, target)}: growing, it is taking its target's cores now (a second pool's
 * resize competes with it); shrinking, it keeps its current nodes until they are released. Dedicated cores also
 * count per VM family; Spot and
 * low-priority cores count against the one low-priority quota. A pool whose size the region does not list
 * counts no cores (its size is unknown) but still counts as a pool.
 *
 * <p>User-subscription accounts: Batch does not enforce account core quotas; the subscription's regional
 * vCPU quotas apply ({@code Microsoft.Compute/locations/{region}/usages}: "cores" = Total Regional vCPUs,
 * "lowPriorityCores" = Total Regional Low-priority (Spot) vCPUs, "...Family" = per family). Those usages
 * already include every VM and pool node in the region, so they are taken as they are.
 */
public final class UsageCounter {
    /** Azure's name of Total Regional vCPUs in the compute usages. */
    public static final String REGIONAL_CORES = "cores";
    /** Azure's name of Total Regional Low-priority (Spot) vCPUs. */
    public static final String REGIONAL_LOW_PRIORITY = "lowPriorityCores";

    private UsageCounter() {
    }

    /** Usage of a Batch-service account from its pools and the region's VM sizes. */
    public static AccountUsage fromPools(List<PoolInfo> pools, List<VmSkuInfo> sizes) {
        int dedicated = 0;
        int low = 0;
        Map<String, Integer> families = new HashMap<>();
        for (PoolInfo p : pools) {
            Optional<VmSkuInfo> size = sizes.stream().filter(s -> s.name().equalsIgnoreCase(p.vmSize())).findFirst();
            if (size.isEmpty()) continue;
            int v = size.get().vCpus();
            boolean resizing = p.allocationState() == AllocationState.RESIZING;
            int d = (resizing ? Math.max(p.currentDedicatedNodes(), p.targetDedicatedNodes()) : p.currentDedicatedNodes()) * v;
            int l = (resizing ? Math.max(p.currentLowPriorityNodes(), p.targetLowPriorityNodes()) : p.currentLowPriorityNodes()) * v;
            dedicated += d;
            low += l;
            if (d > 0) families.merge(size.get().family(), d, Integer::sum);
        }
        return new AccountUsage(dedicated, low, families, pools.size(), AccountUsage.Source.ACCOUNT_POOLS);
    }

    /**
     * A user-subscription account with the subscription's regional quotas in place of the account's (which
     * ARM reports as 0 in that mode) and the regional usage; {@code pools} counts against the account's pool quota.
     */
    public static BatchAccountInfo withRegionalUsage(BatchAccountInfo account, List<ComputeUsage> usages, int pools) {
        long coresLimit = 0;
        long coresUsed = 0;
        long lowLimit = 0;
        long lowUsed = 0;
        Map<String, Integer> familyLimits = new HashMap<>();
        Map<String, Integer> familyUsed = new HashMap<>();
        for (ComputeUsage u : usages) {
            String n = u.name();
            if (n.equalsIgnoreCase(REGIONAL_CORES)) {
                coresLimit = u.limit();
                coresUsed = u.current();
            } else if (n.equalsIgnoreCase(REGIONAL_LOW_PRIORITY)) {
                lowLimit = u.limit();
                lowUsed = u.current();
            } else if (n.toLowerCase(Locale.ROOT).endsWith("family")) {
                familyLimits.put(n, clamp(u.limit()));
                familyUsed.put(n, clamp(u.current()));
            }
        }
        AccountUsage usage = new AccountUsage(clamp(coresUsed), clamp(lowUsed), familyUsed, pools,
                AccountUsage.Source.SUBSCRIPTION);
        return account.withCoreQuotas(clamp(coresLimit), clamp(lowLimit), familyLimits, true).withUsage(usage);
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
    }
}
