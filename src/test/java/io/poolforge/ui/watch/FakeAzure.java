package io.poolforge.ui.watch;

import io.poolforge.azure.AzureAccount;
import io.poolforge.azure.AzureEndpoints;
import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.azure.Connection;
import io.poolforge.azure.GalleryRef;
import io.poolforge.azure.Identity;
import io.poolforge.azure.NodeCounts;
import io.poolforge.azure.NodeInfo;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.azure.Page;
import io.poolforge.azure.SnapshotInfo;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.azure.TenantRef;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.DiskRef;
import io.poolforge.domain.Fixtures;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.VmSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** In-memory fakes of the ports for the view-model tests: pools that resize on the next read, images that exist or not. */
public final class FakeAzure {
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String SUB = Fixtures.SUB;
    public static final String GALLERY_VERSION = "/subscriptions/" + SUB
            + "/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/pfGallery/images/ubuntu-batch/versions/1.0.0";
    public static final String MANAGED_IMAGE = "/subscriptions/" + SUB
            + "/resourceGroups/rg-images/providers/Microsoft.Compute/images/img-vm-build-01";
    public static final String SNAPSHOT = "/subscriptions/" + SUB
            + "/resourceGroups/rg-images/providers/Microsoft.Compute/snapshots/snap-os";

    public final FakeBatch batch = new FakeBatch();
    public final FakeCompute compute = new FakeCompute();
    public final BatchAccountInfo account = Fixtures.account();
    public final Connection connection = new Connection(new FakeIdentity(), compute, batch, null);

    public static PoolInfo pool(String id, String imageId, int targetDedicated, int currentDedicated,
                                AllocationState state, List<ResizeError> errors) {
        return new PoolInfo(id, "Standard_D2s_v3", imageId == null ? Fixtures.UBUNTU_GEN2 : ImageReference.ofId(imageId),
                "batch.node.ubuntu 22.04", targetDedicated, 0, currentDedicated, 0, state,
                Instant.parse("2025-05-01T10:00:00Z"), Duration.ofMinutes(20), Instant.parse("2025-05-01T09:40:00Z"),
                errors, false);
    }

    public static PoolInfo with(PoolInfo p, int targetD, int targetL, int currentD, int currentL, AllocationState state,
                                Instant lastResize, Duration timeout, List<ResizeError> errors) {
        return new PoolInfo(p.id(), p.vmSize(), p.imageReference(), p.nodeAgentSkuId(), targetD, targetL, currentD, currentL,
                state, p.allocationStateTransitionTime(), timeout, lastResize, errors, p.autoScale());
    }

    public static final ResizeError ALLOCATION_FAILED = ResizeError.of("AllocationFailed",
            "There was an error encountered while performing the last resize on the pool. Please try resizing the pool again. Code: AllocationFailed");

    /** One resize call. */
    public record Resize(String poolId, int dedicated, int lowPriority, Duration timeout) { }

    /** Batch: pools by id; a resize turns the pool to resizing, and the next read settles it with {@link #settle}. */
    public static final class FakeBatch implements BatchGateway {
        public final Map<String, PoolInfo> pools = new LinkedHashMap<>();
        public final Map<String, NodeCounts> counts = new HashMap<>();
        public final List<Resize> resizes = new ArrayList<>();
        public final Set<String> settling = new HashSet<>();
        public int stops;
        /** How a resizing pool ends on its next read: by default it reaches its targets. */
        public BiFunction<PoolInfo, Integer, PoolInfo> settle = (p, n) -> with(p, p.targetDedicatedNodes(),
                p.targetLowPriorityNodes(), p.targetDedicatedNodes(), p.targetLowPriorityNodes(), AllocationState.STEADY,
                p.lastResizeStartTime(), p.resizeTimeout(), List.of());
        /** Whether a resize keeps the old errors and start time (Azure not caught up yet). */
        public boolean resizeKeepsOldState;

        public void put(PoolInfo p) { pools.put(p.id(), p); }

        @Override public List<BatchAccountInfo> listAccounts(String subscriptionId) { return List.of(); }

        @Override public List<VmSkuInfo> supportedVmSkus(String subscriptionId, String location) { return Fixtures.vmSizes(); }

        @Override public int accountQuota(String subscriptionId, String location) { return 1; }

        @Override public List<SupportedImage> supportedImages(BatchAccountInfo account) { return Fixtures.supportedImages(); }

        @Override public List<PoolInfo> listPools(BatchAccountInfo account) { return List.copyOf(pools.values()); }

        @Override
        public Optional<PoolInfo> getPool(BatchAccountInfo account, String poolId) {
            PoolInfo p = pools.get(poolId);
            if (p != null && settling.remove(poolId)) {
                p = settle.apply(p, resizes.size());
                pools.put(poolId, p);
            }
            return Optional.ofNullable(p);
        }

        @Override public PoolInfo createPool(BatchAccountInfo account, PoolPlan plan) { throw new UnsupportedOperationException(); }

        @Override
        public PoolInfo resizePool(BatchAccountInfo account, String poolId, int targetDedicated, int targetLowPriority,
                                   Duration resizeTimeout) {
            resizes.add(new Resize(poolId, targetDedicated, targetLowPriority, resizeTimeout));
            PoolInfo p = pools.get(poolId);
            PoolInfo r = resizeKeepsOldState
                    ? with(p, targetDedicated, targetLowPriority, p.currentDedicatedNodes(), p.currentLowPriorityNodes(),
                            AllocationState.RESIZING, p.lastResizeStartTime(), resizeTimeout, p.resizeErrors())
                    : with(p, targetDedicated, targetLowPriority, p.currentDedicatedNodes(), p.currentLowPriorityNodes(),
                            AllocationState.RESIZING, NOW, resizeTimeout, List.of());
            pools.put(poolId, r);
            if (!resizeKeepsOldState) settling.add(poolId);
            return r;
        }

        @Override
        public PoolInfo stopResize(BatchAccountInfo account, String poolId) {
            stops++;
            PoolInfo p = pools.get(poolId);
            PoolInfo r = with(p, p.targetDedicatedNodes(), p.targetLowPriorityNodes(), p.currentDedicatedNodes(),
                    p.currentLowPriorityNodes(), AllocationState.STOPPING, p.lastResizeStartTime(), p.resizeTimeout(), List.of());
            pools.put(poolId, r);
            return r;
        }

        @Override public void deletePool(BatchAccountInfo account, String poolId, OperationMonitor monitor) { pools.remove(poolId); }

        @Override
        public NodeCounts nodeCounts(BatchAccountInfo account, String poolId) {
            NodeCounts c = counts.get(poolId);
            if (c != null) return c;
            PoolInfo p = pools.get(poolId);
            int d = p == null ? 0 : p.currentDedicatedNodes();
            int l = p == null ? 0 : p.currentLowPriorityNodes();
            return new NodeCounts(poolId, Map.of("idle", d, "total", d), Map.of("idle", l, "total", l));
        }

        @Override public List<NodeInfo> nodes(BatchAccountInfo account, String poolId) { return List.of(); }
    }

    /** Compute: which gallery versions, managed images and snapshots exist. */
    public static final class FakeCompute implements ComputeGateway {
        public final Set<String> versions = new HashSet<>();
        public final Map<String, List<String>> managedImages = new HashMap<>();
        public final Set<String> snapshots = new HashSet<>();
        /** PF-16 second pass: Marketplace image (publisher:offer:sku, lower case) → the generation Compute reports (null: none). */
        public final Map<String, io.poolforge.domain.HyperVGeneration> marketplace = new HashMap<>();
        /** Every Marketplace image asked about, as publisher:offer:sku:version. */
        public final List<String> marketplaceAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** Marketplace reads fail (as a throttled or refused call would). */
        public volatile boolean marketplaceFails;

        @Override
        public Optional<io.poolforge.domain.MarketplaceImageInfo> marketplaceImage(String subscriptionId, String location, ImageReference image) {
            marketplaceAsked.add(image.display());
            if (marketplaceFails) throw new io.poolforge.domain.PoolForgeException("azure.error.network", image.display(), "timeout");
            String key = (image.publisher() + ":" + image.offer() + ":" + image.sku()).toLowerCase(Locale.ROOT);
            if (!marketplace.containsKey(key)) return Optional.empty();
            return Optional.of(new io.poolforge.domain.MarketplaceImageInfo(image, "1.0.0", marketplace.get(key), null, "x64"));
        }

        @Override
        public List<io.poolforge.domain.ComputeUsage> regionalUsages(String subscriptionId, String location) {
            return List.of();
        }

        @Override
        public GalleryImageVersionInfo createImageVersionFromImage(io.poolforge.domain.ImagePlan plan, String sourceImageId,
                                                                   io.poolforge.azure.OperationMonitor monitor) {
            throw new UnsupportedOperationException("not used by the watch");
        }

        @Override
        public Optional<GalleryImageVersionInfo> findImageVersion(String id) {
            if (!versions.contains(id.toLowerCase(Locale.ROOT))) return Optional.empty();
            GalleryImageInfo def = new GalleryImageInfo(id.substring(0, id.indexOf("/versions/")), "ubuntu-batch", "pfGallery",
                    SUB, "rg-images", "westeurope", OsType.LINUX, OsState.GENERALIZED, HyperVGeneration.V2, null,
                    "PoolForge", "ubuntu", "22.04", null);
            return Optional.of(new GalleryImageVersionInfo(id, "1.0.0", def,
                    List.of(new RegionReplica("westeurope", 3, "Completed")), List.of(SNAPSHOT), "Succeeded"));
        }

        @Override
        public Optional<ManagedImageInfo> findManagedImage(String id) {
            List<String> sources = managedImages.get(id.toLowerCase(Locale.ROOT));
            if (sources == null) return Optional.empty();
            return Optional.of(new ManagedImageInfo(id, "img", SUB, "rg-images", "westeurope", OsType.LINUX,
                    OsState.GENERALIZED, HyperVGeneration.V2, sources));
        }

        @Override
        public Optional<SnapshotInfo> findSnapshot(String id) {
            return snapshots.contains(id.toLowerCase(Locale.ROOT))
                    ? Optional.of(new SnapshotInfo(id, "snap", "westeurope", null, 30, false, "Succeeded", NOW))
                    : Optional.empty();
        }

        public void addVersion(String id) { versions.add(id.toLowerCase(Locale.ROOT)); }

        public void addManaged(String id, String... sources) { managedImages.put(id.toLowerCase(Locale.ROOT), List.of(sources)); }

        public void addSnapshot(String id) { snapshots.add(id.toLowerCase(Locale.ROOT)); }

        @Override public Page<VmSummary> listVms(String s, String t) { throw new UnsupportedOperationException(); }
        @Override public VmSummary getVm(String vmId) { throw new UnsupportedOperationException(); }
        @Override public DiskRef getDisk(String diskId) { throw new UnsupportedOperationException(); }
        @Override public SnapshotInfo createSnapshot(String a, String b, String c, String d, String e, Map<String, String> t,
                                                     OperationMonitor m) { throw new UnsupportedOperationException(); }
        @Override public void deleteSnapshot(String id, OperationMonitor m) { throw new UnsupportedOperationException(); }
        @Override public ManagedImageInfo createManagedImage(ImagePlan p, String o, Map<Integer, String> d, OperationMonitor m) {
            throw new UnsupportedOperationException();
        }
        @Override public void deleteManagedImage(String id, OperationMonitor m) { throw new UnsupportedOperationException(); }
        @Override public List<GalleryRef> listGalleries(String s) { return List.of(); }
        @Override public GalleryRef createGallery(String a, String b, String c, String d, OperationMonitor m) {
            throw new UnsupportedOperationException();
        }
        @Override public Optional<GalleryRef> findGallery(String id) { return Optional.empty(); }
        @Override public void deleteGallery(String id, OperationMonitor m) { throw new UnsupportedOperationException(); }
        @Override public Optional<GalleryImageInfo> findImageDefinition(String id) { return Optional.empty(); }
        @Override public void deleteImageDefinition(String id, OperationMonitor m) { throw new UnsupportedOperationException(); }
        @Override public List<GalleryImageInfo> listImageDefinitions(String g) { return List.of(); }
        @Override public GalleryImageInfo createImageDefinition(ImagePlan p, OperationMonitor m) { throw new UnsupportedOperationException(); }
        @Override public List<GalleryImageVersionInfo> listImageVersions(String d) { return List.of(); }
        @Override public GalleryImageVersionInfo createImageVersion(ImagePlan p, String o, Map<Integer, String> d,
                                                                    OperationMonitor m) { throw new UnsupportedOperationException(); }
        @Override public void deleteImageVersion(String id, OperationMonitor m) { throw new UnsupportedOperationException(); }
    }

    /** An identity on public Azure, signed in, no token anywhere. */
    public static final class FakeIdentity implements Identity {
        @Override public AzureAccount signIn(String tenantId) { return currentAccount().orElseThrow(); }
        @Override public void signOut() { }
        @Override public Optional<AzureAccount> currentAccount() {
            return Optional.of(new AzureAccount("ana@contoso.example", Fixtures.TENANT, AzureEndpoints.Cloud.AZURE_PUBLIC));
        }
        @Override public List<TenantRef> tenants() { return List.of(); }
        @Override public List<SubscriptionRef> subscriptions() { return List.of(); }
        @Override public AzureEndpoints endpoints() { return AzureEndpoints.azurePublic(); }
    }
}
