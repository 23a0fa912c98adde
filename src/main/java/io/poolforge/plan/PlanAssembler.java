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
        var base = vm != null && vm.imageReference() != null && vm.imageReference().isMarketplace()
                ? new Plan.BaseImage(vm.imageReference().publisher(), vm.imageReference().offer(), vm.imageReference().sku(),
                        vm.imageReference().version())
                : null;
        // No VM and no snapshots: the plan starts from an existing gallery image version.
        Plan.Source source = vm == null ? null : new Plan.Source(vm.id(), vm.name(), azureOs(vm.osType()), gen(vm.hyperVGeneration()), base);
        Plan.Snapshots snaps = snapshots == null ? null : new Plan.Snapshots(snapshots.subscriptionId(), snapshots.resourceGroup(), snapshots.location(),
                new Plan.OsDisk(snapshots.osDiskId(), snapshots.osSnapshotName()),
                snapshots.dataDisks().stream().map(d -> new Plan.DataDisk(d.diskId(), d.lun(), d.snapshotName())).toList());
        boolean gallery = image.target() == ImageTarget.GALLERY;
        Plan.Image img = new Plan.Image(gallery ? "gallery" : "managed", image.subscriptionId(), image.resourceGroup(),
                image.location(), azureOs(image.osType()),
                image.osState() == null ? "Generalized" : cap(image.osState().name()), gen(image.hyperVGeneration()),
                image.securityType() == null ? null : switch (image.securityType()) {
                    case TRUSTED_LAUNCH -> "TrustedLaunch";
                    case CONFIDENTIAL_VM -> "ConfidentialVM";
                    default -> "Standard";
                },
                image.plan() == null ? null : new Plan.Purchase(image.plan().name(), image.plan().publisher(), image.plan().product()),
                gallery ? new Plan.Gallery(image.galleryName(), image.imageDefinitionName(), image.version(),
                        image.definitionPublisher(), image.definitionOffer(), image.definitionSku(),
                        image.targetRegions().stream().map(r -> new Plan.TargetRegion(r.region(), r.replicaCount())).toList())
                        : null,
                gallery ? null : new Plan.ManagedImage(image.managedImageName()));
        String rg = resourceGroupOf(account.id());
        Plan.Pool p = new Plan.Pool(new Plan.BatchAccount(account.subscriptionId(), rg, account.name(), account.location()),
                pool.poolId(), pool.displayName(), pool.vmSize(), pool.nodeAgentSkuId(), pool.targetDedicatedNodes(),
                pool.targetLowPriorityNodes(), pool.resizeTimeout() == null ? null : pool.resizeTimeout().toString());
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
