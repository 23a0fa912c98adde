package io.poolforge.azure;

import io.poolforge.domain.AccountUsage;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolAllocationMode;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.rules.UsageCounter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * THE read path for an account's quotas and usage (PF-8): Batch-service accounts get the account's own quotas
 * and the usage of its pools ({@link UsageCounter#fromPools}); user-subscription accounts get the subscription's
 * regional compute quotas and usage ({@link ComputeGateway#regionalUsages}). The wizard's pool and review steps,
 * the preflight of every run (wizard and CLI), {@code validate --online} and the inspector all read it here.
 * Blocking: call from a background task.
 */
public final class AccountReader {
    /** At most this many distinct custom images are looked up for their sources. */
    static final int MAX_IMAGES = 32;

    /** Daemon threads for the parallel reads; idle ones end after a minute. */
    private static final java.util.concurrent.ExecutorService READS = new java.util.concurrent.ThreadPoolExecutor(0, 8, 60,
            java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "poolforge-account-read");
                t.setDaemon(true);
                return t;
            }, new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());

    private final ComputeGateway compute;
    private final BatchGateway batch;

    public AccountReader(ComputeGateway compute, BatchGateway batch) {
        this.compute = compute;
        this.batch = batch;
    }

    /** The account's quotas, usage, pools, VM sizes and supported images; {@code extraImageIds}' sources too. */
    public AccountFacts read(BatchAccountInfo account, Collection<String> extraImageIds) {
        // Three independent reads at once: one round trip instead of three (PF-13; the SDK clients are thread-safe).
        java.util.concurrent.CompletableFuture<List<SupportedImage>> imagesRead =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> batch.supportedImages(account), READS);
        java.util.concurrent.CompletableFuture<List<PoolInfo>> poolsRead =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> batch.listPools(account), READS);
        List<VmSkuInfo> sizes;
        try {
            sizes = batch.supportedVmSkus(account.subscriptionId(), account.location());
        } finally {
            // Whatever happens, both reads are over before this returns or throws.
            java.util.concurrent.CompletableFuture.allOf(imagesRead, poolsRead).exceptionally(e -> null).join();
        }
        List<SupportedImage> images = joined(imagesRead);
        List<PoolInfo> pools = joined(poolsRead);
        BatchAccountInfo withUsage = usage(account, pools, sizes);
        List<String> ids = new java.util.ArrayList<>();
        pools.stream().map(PoolInfo::customImageId).filter(java.util.Objects::nonNull).forEach(ids::add);
        if (extraImageIds != null) ids.addAll(extraImageIds);
        return new AccountFacts(withUsage, pools, sizes, images, imageSources(ids));
    }

    /** The value of a finished read, or its own exception (a PoolForgeException stays one). */
    private static <T> T joined(java.util.concurrent.CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** The account with its usage, from pools and sizes already read (no further Batch call for a Batch-service account). */
    public BatchAccountInfo usage(BatchAccountInfo account, List<PoolInfo> pools, List<VmSkuInfo> sizes) {
        if (account.poolAllocationMode() == PoolAllocationMode.USER_SUBSCRIPTION) {
            return UsageCounter.withRegionalUsage(account, compute.regionalUsages(account.subscriptionId(), account.location()),
                    pools.size());
        }
        AccountUsage u = UsageCounter.fromPools(pools, sizes);
        return account.withUsage(u);
    }

    /**
     * Custom image id (lower case) → the ids of what it was built from (snapshots, a managed image), for
     * the "this image or its snapshots already back other pools" rule; an image that is gone maps to nothing.
     */
    public Map<String, List<String>> imageSources(Collection<String> imageIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String id : imageIds.stream().map(i -> i.toLowerCase(Locale.ROOT)).distinct().limit(MAX_IMAGES).toList()) {
            try {
                if (id.contains("/galleries/") && id.contains("/versions/")) {
                    compute.findImageVersion(id).ifPresent(v -> out.put(id, v.sourceIds()));
                } else if (id.contains("/providers/microsoft.compute/images/")) {
                    compute.findManagedImage(id).ifPresent(i -> out.put(id, i.sourceIds()));
                }
            } catch (PoolForgeException e) {
                // An image we may not read (another subscription): its sources stay unknown; the same-id check still holds.
            }
        }
        return out;
    }
}
