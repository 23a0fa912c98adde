package io.poolforge.plan;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.SnapshotPlan;
import io.poolforge.domain.VmSummary;
import java.util.Locale;

/** What the wizard decided (domain records) → the plan document the runner and the exporters take. */
public final class PlanAssembler {
    private PlanAssembler() {
    }

    public static Plan assemble(String name, VmSummary vm, SnapshotPlan snapshots, ImagePlan image, PoolPlan pool,
                                BatchAccountInfo account) {
        return assemble(name, vm, snapshots, image, pool, account, null);
    }

    /**
     * As above; {@code chosenBase} is the custom image's Marketplace base as the pool step showed or corrected it
     * (PF-15), written as {@code source.baseImage} (null: the VM's own). A Marketplace pool gives a plan with the pool
     * alone; a pool on the definition of an existing image (no version) gives the version "latest".
     */
    public static Plan assemble(String name, VmSummary vm, SnapshotPlan snapshots, ImagePlan image, PoolPlan pool,
                                BatchAccountInfo account, io.poolforge.domain.ImageReference chosenBase) {
        String rg0 = resourceGroupOf(account.id());
        if (pool.marketplace()) {
            var m = pool.marketplaceImage();
            Plan.Pool p = new Plan.Pool(new Plan.BatchAccount(account.subscriptionId(), rg0, account.name(), account.location()),
                    pool.poolId(), pool.displayName(), pool.vmSize(), pool.nodeAgentSkuId(), pool.targetDedicatedNodes(),
                    pool.targetLowPriorityNodes(), pool.resizeTimeout() == null ? null : pool.resizeTimeout().toString(),
                    Plan.IMAGE_TYPE_MARKETPLACE, new Plan.BaseImage(m.publisher(), m.offer(), m.sku(), m.version()),
                    Plan.securityProfile(pool.securityProfile()));
            return new Plan(null, Plan.CURRENT_VERSION, name, null, null, null, p);
        }
        if (image.target() == ImageTarget.GALLERY && snapshots == null && pool.imageId() != null
                && pool.imageId().equalsIgnoreCase(image.withVersion(ImagePlan.LATEST).imageId())) {
            image = image.withVersion(ImagePlan.LATEST);
        }
        var vmBase = chosenBase != null && chosenBase.isMarketplace() ? chosenBase
                : vm != null && vm.imageReference() != null && vm.imageReference().isMarketplace() ? vm.imageReference() : null;
        var base = vm != null && vmBase != null
                ? new Plan.BaseImage(vmBase.publisher(), vmBase.offer(), vmBase.sku(), vmBase.version())
                : null;
        // No VM and no snapshots: the plan starts from an existing gallery image version.
        Plan.Source source = vm == null ? null : new Plan.Source(vm.id(), vm.name(), azureOs(vm.osType()), gen(vm.hyperVGeneration()), base,
                vm.markedGeneralized());
        Plan.Snapshots snaps = snapshots == null ? null : new Plan.Snapshots(snapshots.subscriptionId(), snapshots.resourceGroup(), snapshots.location(),
                new Plan.OsDisk(snapshots.osDiskId(), snapshots.osSnapshotName()),
                snapshots.dataDisks().stream().map(d -> new Plan.DataDisk(d.diskId(), d.lun(), d.snapshotName())).toList());
        boolean gallery = image.target() == ImageTarget.GALLERY;
        Plan.Image img = new Plan.Image(gallery ? "gallery" : "managed", image.subscriptionId(), image.resourceGroup(),
                image.location(), azureOs(image.osType()),
                image.osState() == null ? "Generalized" : cap(image.osState().name()), gen(image.hyperVGeneration()),
                image.securityType() == null ? null : image.securityType().azureName(),
                image.plan() == null ? null : new Plan.Purchase(image.plan().name(), image.plan().publisher(), image.plan().product()),
                gallery ? new Plan.Gallery(image.galleryName(), image.imageDefinitionName(), image.version(),
                        image.definitionPublisher(), image.definitionOffer(), image.definitionSku(),
                        image.targetRegions().stream().map(r -> new Plan.TargetRegion(r.region(), r.replicaCount())).toList())
                        : null,
                gallery ? null : new Plan.ManagedImage(image.managedImageName()));
        String rg = resourceGroupOf(account.id());
        Plan.Pool p = new Plan.Pool(new Plan.BatchAccount(account.subscriptionId(), rg, account.name(), account.location()),
                pool.poolId(), pool.displayName(), pool.vmSize(), pool.nodeAgentSkuId(), pool.targetDedicatedNodes(),
                pool.targetLowPriorityNodes(), pool.resizeTimeout() == null ? null : pool.resizeTimeout().toString(),
                Plan.IMAGE_TYPE_GALLERY, null, Plan.securityProfile(pool.securityProfile()));
        return new Plan(null, Plan.CURRENT_VERSION, name, source, snaps, img, p);
    }

    static String resourceGroupOf(String id) {
        String[] parts = id.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if ("resourceGroups".equalsIgnoreCase(parts[i])) return parts[i + 1];
        }
        return null;
    }

    private static String azureOs(io.poolforge.domain.OsType os) {
        return os == null ? null : cap(os.name());
    }

    private static String gen(io.poolforge.domain.HyperVGeneration g) {
        return g == null ? null : g.name();
    }

    private static String cap(String s) {
        return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
