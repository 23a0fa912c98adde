package io.poolforge.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.poolforge.domain.DataDiskSnapshot;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.PurchasePlan;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.SnapshotPlan;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The plan document: everything the wizard decided, as one versioned JSON document (docs/PLAN.md,
 * docs/plan.schema.json). Enumerations keep Azure's spelling ("Linux", "V2", "Generalized") and are
 * checked by {@link PlanCheck}; the {@code xxxPlan()} methods turn a checked plan whose names are
 * resolved (see {@code io.poolforge.run.RunNames}) into the domain records the rules and the runner use.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"$schema", "planVersion", "name", "source", "snapshots", "image", "pool"})
public record Plan(@JsonProperty("$schema") String schema, int planVersion, String name, Source source,
                   Snapshots snapshots, Image image, Pool pool) {

    /** The version this PoolForge writes and reads without migration. */
    public static final int CURRENT_VERSION = 1;

    /**
     * The VM the image comes from. {@code generalized} (PF-18): the VM was generalized in the guest before the snapshots
     * (Sysprep on Windows, {@code waagent -deprovision+user} on Linux), as the instance view said (OSState/generalized)
     * or the user confirmed on the image step; absent or false: not confirmed (Windows is refused, Linux warned).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String vmId, String vmName, String osType, String hyperVGeneration, BaseImage baseImage, Boolean generalized) {
        public Source(String vmId, String vmName, String osType, String hyperVGeneration, BaseImage baseImage) {
            this(vmId, vmName, osType, hyperVGeneration, baseImage, null);
        }

        /** True only when the plan says the VM was generalized. */
        public boolean confirmedGeneralized() { return Boolean.TRUE.equals(generalized); }
    }

    /** The VM's Marketplace base image (for the node agent SKU); informative. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BaseImage(String publisher, String offer, String sku, String version) {
    }

    /** Step 3: where the snapshots go and what they are called. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Snapshots(String subscriptionId, String resourceGroup, String location, OsDisk osDisk,
                            List<DataDisk> dataDisks) {
        public Snapshots {
            dataDisks = dataDisks == null ? List.of() : List.copyOf(dataDisks);
        }
    }

    /** The OS disk; {@code snapshotName} null means "derive it from the run id". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OsDisk(String diskId, String snapshotName) {
    }

    /** A data disk, with its LUN (kept in the image); {@code snapshotName} null means "derive it". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataDisk(String diskId, Integer lun, String snapshotName) {
    }

    /** Step 4: the image. {@code target} is "gallery" (then {@code gallery}) or "managed" (then {@code managedImage}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(String target, String subscriptionId, String resourceGroup, String location, String osType,
                       String osState, String hyperVGeneration, String securityType, Purchase purchasePlan,
                       Gallery gallery, ManagedImage managedImage) {
    }

    /** Marketplace purchase plan the image definition must carry. */
    public record Purchase(String name, String publisher, String product) {
    }

    /** Azure Compute Gallery target; {@code version} null means "derive it from the run id". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gallery(String name, String imageDefinition, String version, String publisher, String offer,
                          String sku, List<TargetRegion> targetRegions) {
        public Gallery {
            targetRegions = targetRegions == null ? List.of() : List.copyOf(targetRegions);
        }
    }

    /** One replication region of the image version. */
    public record TargetRegion(String region, Integer replicaCount) {
    }

    /** Managed image target. */
    public record ManagedImage(String name) {
    }

    /**
     * Step 5: the pool and the Batch account it goes to. {@code imageType} (PF-15) is "gallery" (absent means the
     * same: the Azure Compute Gallery image of {@code image}, built by the run or existing) or "marketplace" (then
     * {@code marketplaceImage} names the Marketplace image from Batch's supported images and there is no
     * {@code image}, {@code source} or {@code snapshots}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"batchAccount", "poolId", "displayName", "vmSize", "imageType", "marketplaceImage",
            "nodeAgentSkuId", "securityProfile", "targetDedicatedNodes", "targetLowPriorityNodes", "resizeTimeout"})
    public record Pool(BatchAccount batchAccount, String poolId, String displayName, String vmSize,
                       String nodeAgentSkuId, Integer targetDedicatedNodes, Integer targetLowPriorityNodes,
                       String resizeTimeout, String imageType, BaseImage marketplaceImage, SecurityProfile securityProfile) {
        /** A pool without a security profile (the PF-15 shape). */
        public Pool(BatchAccount batchAccount, String poolId, String displayName, String vmSize, String nodeAgentSkuId,
                    Integer targetDedicatedNodes, Integer targetLowPriorityNodes, String resizeTimeout, String imageType,
                    BaseImage marketplaceImage) {
            this(batchAccount, poolId, displayName, vmSize, nodeAgentSkuId, targetDedicatedNodes, targetLowPriorityNodes,
                    resizeTimeout, imageType, marketplaceImage, null);
        }

        /** A pool on the plan's gallery image (the plans written before PF-15). */
        public Pool(BatchAccount batchAccount, String poolId, String displayName, String vmSize, String nodeAgentSkuId,
                    Integer targetDedicatedNodes, Integer targetLowPriorityNodes, String resizeTimeout) {
            this(batchAccount, poolId, displayName, vmSize, nodeAgentSkuId, targetDedicatedNodes, targetLowPriorityNodes,
                    resizeTimeout, null, null, null);
        }
    }

    /**
     * The pool's {@code virtualMachineConfiguration.securityProfile} (PF-16): {@code securityType} "trustedLaunch" (Batch's
     * SecurityTypes), with the source VM's secure boot and vTPM (absent: Azure's default). Required when the image definition's
     * security type is TrustedLaunch.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SecurityProfile(String securityType, UefiSettings uefiSettings) {
    }

    /** {@code securityProfile.uefiSettings}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UefiSettings(Boolean secureBootEnabled, Boolean vTpmEnabled) {
    }

    /** {@code pool.imageType} values. */
    public static final String IMAGE_TYPE_GALLERY = "gallery";
    public static final String IMAGE_TYPE_MARKETPLACE = "marketplace";

    /** The Batch account. */
    public record BatchAccount(String subscriptionId, String resourceGroup, String name, String location) {
    }

    // ---- Views for the domain (call on a checked, resolved plan) ----

    public boolean galleryTarget() {
        return image != null && "gallery".equalsIgnoreCase(image.target());
    }

    /** True for a pool on a Marketplace image ({@code pool.imageType} "marketplace"): no image is built or checked. */
    public boolean marketplace() {
        return pool != null && IMAGE_TYPE_MARKETPLACE.equals(pool.imageType());
    }

    /** True when the pool uses the latest version of an existing gallery image definition. */
    public boolean latestGalleryVersion() {
        return image != null && image.gallery() != null && ImagePlan.LATEST.equalsIgnoreCase(image.gallery().version());
    }

    /** The Marketplace image of a Marketplace pool, else null. */
    public io.poolforge.domain.ImageReference marketplaceImage() {
        BaseImage m = marketplace() ? pool.marketplaceImage() : null;
        return m == null ? null : io.poolforge.domain.ImageReference.marketplace(m.publisher(), m.offer(), m.sku(), m.version());
    }

    public ImageTarget imageTarget() {
        return galleryTarget() ? ImageTarget.GALLERY : ImageTarget.MANAGED;
    }

    /**
     * True for a plan that starts from an existing gallery image version (no source VM, no snapshots). A Marketplace
     * pool has no snapshots either: callers that build the image chain test {@link #marketplace()} first.
     */
    public boolean fromExistingImage() {
        return snapshots == null;
    }

    public SnapshotPlan snapshotPlan() {
        return new SnapshotPlan(source.vmId(), snapshots.subscriptionId(), snapshots.resourceGroup(),
                snapshots.location(), snapshots.osDisk().diskId(), snapshots.osDisk().snapshotName(),
                snapshots.dataDisks().stream()
                        .map(d -> new DataDiskSnapshot(d.diskId(), d.lun(), d.snapshotName())).toList());
    }

    public ImagePlan imagePlan() {
        Gallery g = image.gallery();
        Purchase p = image.purchasePlan();
        return new ImagePlan(imageTarget(), image.subscriptionId(), image.resourceGroup(), image.location(),
                g == null ? null : g.name(), g == null ? null : g.imageDefinition(), g == null ? null : g.version(),
                image.managedImage() == null ? null : image.managedImage().name(),
                g == null ? null : g.publisher(), g == null ? null : g.offer(), g == null ? null : g.sku(),
                OsType.parse(image.osType()), OsState.parse(image.osState()),
                HyperVGeneration.parse(image.hyperVGeneration()), SecurityType.parse(image.securityType()),
                p == null ? null : new PurchasePlan(p.name(), p.publisher(), p.product()),
                g == null ? List.of() : g.targetRegions().stream()
                        .map(r -> new RegionReplica(r.region(), r.replicaCount(), null)).toList());
    }

    public PoolPlan poolPlan() {
        if (marketplace()) {
            return new PoolPlan(pool.poolId(), pool.displayName(), pool.vmSize(), null, pool.nodeAgentSkuId(),
                    nz(pool.targetDedicatedNodes()), nz(pool.targetLowPriorityNodes()), resizeTimeout(), marketplaceImage(),
                    poolSecurityProfile());
        }
        return new PoolPlan(pool.poolId(), pool.displayName(), pool.vmSize(), imagePlan().imageId(),
                pool.nodeAgentSkuId(), nz(pool.targetDedicatedNodes()), nz(pool.targetLowPriorityNodes()),
                resizeTimeout(), null, poolSecurityProfile());
    }

    /** The pool's security profile as the domain's record, or null. */
    public io.poolforge.domain.PoolSecurityProfile poolSecurityProfile() {
        SecurityProfile sp = pool == null ? null : pool.securityProfile();
        if (sp == null || sp.securityType() == null) return null;
        UefiSettings u = sp.uefiSettings();
        return new io.poolforge.domain.PoolSecurityProfile(sp.securityType(), u == null ? null : u.secureBootEnabled(),
                u == null ? null : u.vTpmEnabled());
    }

    /** The plan's form of a domain security profile (null stays null). */
    public static SecurityProfile securityProfile(io.poolforge.domain.PoolSecurityProfile p) {
        if (p == null) return null;
        UefiSettings u = p.secureBootEnabled() == null && p.vTpmEnabled() == null ? null
                : new UefiSettings(p.secureBootEnabled(), p.vTpmEnabled());
        return new SecurityProfile(p.securityType(), u);
    }

    /** The pool's resize timeout (default 15 minutes when absent). */
    public Duration resizeTimeout() {
        String t = pool == null ? null : pool.resizeTimeout();
        return t == null || t.isBlank() ? Duration.ofMinutes(15) : Duration.parse(t.trim().toUpperCase(Locale.ROOT));
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    // ---- Copies with resolved names (used by RunNames) ----

    public Plan withSnapshots(Snapshots s) {
        return new Plan(schema, planVersion, name, source, s, image, pool);
    }

    public Plan withImage(Image i) {
        return new Plan(schema, planVersion, name, source, snapshots, i, pool);
    }

    /** This plan with the gallery image version set to {@code version}. */
    public Plan withGalleryVersion(String version) {
        Gallery g = image.gallery();
        Gallery ng = new Gallery(g.name(), g.imageDefinition(), version, g.publisher(), g.offer(), g.sku(),
                g.targetRegions());
        Image i = image;
        return withImage(new Image(i.target(), i.subscriptionId(), i.resourceGroup(), i.location(), i.osType(),
                i.osState(), i.hyperVGeneration(), i.securityType(), i.purchasePlan(), ng, i.managedImage()));
    }
}
