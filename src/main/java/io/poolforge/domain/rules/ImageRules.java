package io.poolforge.domain.rules;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PurchasePlan;
import io.poolforge.domain.Regions;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.SubscriptionInfo;
import io.poolforge.domain.VmSummary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The image step. Gallery image version (default): the definition's OS type, OS state (Batch supports
 * only generalized images) and generation match the source; a replica in the Batch account's region,
 * at least one per 300 pool nodes; same subscription as the account, or the same Entra tenant with
 * Microsoft.Batch registered (batch-sig-images, 2024). Managed image: can still be built, but Batch
 * stopped accepting managed images as pool sources on 31 March 2026 (migration guide).
 */
public final class ImageRules {
    /** The day after which Batch refuses managed images and VHDs as pool sources. */
    public static final LocalDate MANAGED_IMAGE_RETIREMENT = LocalDate.of(2026, 3, 31);
    /** At least one gallery replica per this many pool nodes (batch-sig-images). */
    public static final int NODES_PER_REPLICA = 300;

    private ImageRules() {
    }

    /** Replicas needed in the account's region for {@code nodes} pool nodes: ceil(nodes / 300), at least 1. */
    public static int replicasNeeded(int nodes) {
        return Math.max(1, (Math.max(nodes, 0) + NODES_PER_REPLICA - 1) / NODES_PER_REPLICA);
    }

    /**
     * PF-18: "latest" of a gallery image definition as Batch resolves it ("If the image version is not specified in the
     * imageId, the latest version will be used", Batch REST ImageReference): the highest Major.Minor.Patch among the
     * versions that are not excluded from latest ("If set to true, Virtual Machines deployed from the latest version of
     * the Image Definition won't use this Image Version", Compute REST excludeFromLatest). Empty when none is left.
     */
    public static java.util.Optional<GalleryImageVersionInfo> latest(List<GalleryImageVersionInfo> versions) {
        return latest(versions, null);
    }

    /**
     * As above, for pools in {@code region}: a version whose target region there has excludeFromLatest ("Contains the
     * flag setting to hide an image when users specify version='latest'", Compute REST TargetRegion) is skipped too.
     */
    public static java.util.Optional<GalleryImageVersionInfo> latest(List<GalleryImageVersionInfo> versions, String region) {
        return versions.stream().filter(v -> !v.hiddenFromLatestIn(region)).max(java.util.Comparator.comparing(v -> versionKey(v.version())));
    }

    /** The finding that names the version "latest" resolves to, and the higher ones skipped for excludeFromLatest. */
    public static Violation latestFinding(String definitionLabel, GalleryImageVersionInfo chosen, List<GalleryImageVersionInfo> versions) {
        return latestFinding(definitionLabel, chosen, versions, null);
    }

    /** As above, for pools in {@code region}. */
    public static Violation latestFinding(String definitionLabel, GalleryImageVersionInfo chosen, List<GalleryImageVersionInfo> versions,
                                          String region) {
        List<String> skipped = versions.stream().filter(v -> v.hiddenFromLatestIn(region))
                .filter(v -> versionKey(v.version()).compareTo(versionKey(chosen.version())) > 0)
                .sorted(java.util.Comparator.comparing(v -> versionKey(v.version()))).map(GalleryImageVersionInfo::version).toList();
        return Violation.of(RuleCode.IMAGE_LATEST_VERSION, definitionLabel, chosen.version(), skipped.isEmpty() ? 0 : 1,
                String.join(", ", skipped));
    }

    /** Major.Minor.Patch as a zero-padded string that sorts like the version. */
    public static String versionKey(String version) {
        StringBuilder sb = new StringBuilder();
        for (String part : version.split("\\.")) {
            sb.append(String.format(java.util.Locale.ROOT, "%12s", part).replace(' ', '0')).append('.');
        }
        return sb.toString();
    }

    /** True when a pool can no longer be created from a managed image on {@code today}. */
    public static boolean managedImagesRetired(LocalDate today) {
        return today.isAfter(MANAGED_IMAGE_RETIREMENT);
    }

    /**
     * Checks the image the wizard is about to build from {@code vm}'s snapshots.
     *
     * @param imageSubscription the subscription the image goes to (tenant, Microsoft.Batch registration); null if it is the account's
     * @param plannedNodes the pool size planned (for the replica count)
     */
    /**
     * PF-15: the planned image definition against the definitions that already exist in its gallery. The same
     * identifier (publisher/offer/SKU, compared ignoring case) cannot name two definitions of one gallery; a
     * definition of the planned name is reused by the run, so its identifier, OS type and state must be the plan's.
     */
    public static List<Violation> checkAgainstGallery(ImagePlan plan, List<io.poolforge.domain.GalleryImageInfo> existing) {
        List<Violation> out = new ArrayList<>();
        if (plan.target() != io.poolforge.domain.ImageTarget.GALLERY || existing == null) return out;
        String wanted = identifier(plan.definitionPublisher(), plan.definitionOffer(), plan.definitionSku());
        for (var d : existing) {
            String theirs = identifier(d.publisher(), d.offer(), d.sku());
            boolean sameName = d.name().equalsIgnoreCase(String.valueOf(plan.imageDefinitionName()));
            if (sameName) {
                if (!theirs.equalsIgnoreCase(wanted) || (d.osType() != null && d.osType() != plan.osType())
                        || (d.osState() != null && d.osState() != plan.osState())) {
                    out.add(Violation.of(RuleCode.IMAGE_DEFINITION_DIFFERS, d.name(), plan.galleryName(),
                            theirs + " (" + d.osType() + ", " + d.osState() + ")",
                            wanted + " (" + plan.osType() + ", " + plan.osState() + ")"));
                }
            } else if (theirs.equalsIgnoreCase(wanted)) {
                out.add(Violation.of(RuleCode.IMAGE_IDENTIFIER_TAKEN, wanted, d.name(), plan.galleryName()));
            }
        }
        return out;
    }

    private static String identifier(String publisher, String offer, String sku) {
        return publisher + "/" + offer + "/" + sku;
    }

    public static List<Violation> checkPlan(ImagePlan plan, VmSummary vm, BatchAccountInfo account,
                                            SubscriptionInfo imageSubscription, int plannedNodes, LocalDate today) {
        List<Violation> out = new ArrayList<>(NamingRules.checkImageNames(plan));
        String label = plan.target() == ImageTarget.GALLERY
                ? plan.galleryName() + "/" + plan.imageDefinitionName()
                : plan.managedImageName();
        sourceMatch(out, label, plan.osType(), plan.osState(), plan.hyperVGeneration(), plan.securityType(), vm);
        out.addAll(generalization(vm.name(), vm.osType() != null ? vm.osType() : plan.osType(), plan.osState(), label,
                vm.markedGeneralized()));
        if (plan.target() == ImageTarget.GALLERY) {
            String versionLabel = label + "/" + plan.version();
            replicas(out, versionLabel, plan.replicasIn(account.location()), account, plannedNodes);
            subscription(out, versionLabel, plan.subscriptionId(), imageSubscription, account);
            purchasePlan(out, label, plan.plan(), vm);
        } else {
            managed(out, plan.managedImageName(), plan.subscriptionId(), plan.location(), account, today);
        }
        return List.copyOf(out);
    }

    /**
     * PF-18: the image is declared Generalized (Batch "only supports generalized Shared Images"), so the VM must have
     * been generalized in the guest before its snapshots: Sysprep on Windows (refused when not confirmed: such nodes do
     * not start), {@code waagent -deprovision+user} on Linux (a warning: the image boots, but every node keeps the
     * source's machine-specific data). {@code generalized}: the instance view says OSState/generalized, or the user
     * confirmed it on the image step (plan field {@code source.generalized}). Nothing for a specialized definition
     * (IMAGE_SPECIALIZED refuses it) or an unknown OS.
     */
    public static List<Violation> generalization(String vmName, OsType os, OsState state, String imageLabel, boolean generalized) {
        if (generalized || state == OsState.SPECIALIZED || os == null) return List.of();
        return List.of(os == OsType.WINDOWS ? Violation.of(RuleCode.IMAGE_SOURCE_NOT_SYSPREPPED, vmName, imageLabel)
                : Violation.of(RuleCode.IMAGE_SOURCE_NOT_DEPROVISIONED, vmName, imageLabel));
    }

    /** Checks an existing gallery image version picked as the pool's image. {@code vm} may be null (source unknown). */
    public static List<Violation> checkGalleryVersion(GalleryImageVersionInfo version, VmSummary vm,
                                                      BatchAccountInfo account, SubscriptionInfo imageSubscription,
                                                      int plannedNodes) {
        List<Violation> out = new ArrayList<>();
        GalleryImageInfo def = version.image();
        String label = def.galleryName() + "/" + def.name();
        sourceMatch(out, label, def.osType(), def.osState(), def.hyperVGeneration(), def.securityType(), vm);
        String versionLabel = label + "/" + version.version();
        if (!NamingRules.validVersion(version.version())) out.add(Violation.of(RuleCode.NAME_VERSION_INVALID, version.version()));
        replicas(out, versionLabel, version.replicasIn(account.location()), account, plannedNodes);
        subscription(out, versionLabel, def.subscriptionId(), imageSubscription, account);
        if (vm != null) purchasePlan(out, label, def.plan(), vm);
        return List.copyOf(out);
    }

    /** Checks an existing managed image picked as a source. */
    public static List<Violation> checkManagedImage(ManagedImageInfo image, VmSummary vm, BatchAccountInfo account,
                                                    LocalDate today) {
        List<Violation> out = new ArrayList<>();
        sourceMatch(out, image.name(), image.osType(), image.osState(), image.hyperVGeneration(), null, vm);
        managed(out, image.name(), image.subscriptionId(), image.location(), account, today);
        return List.copyOf(out);
    }

    private static void sourceMatch(List<Violation> out, String label, OsType os, OsState state, HyperVGeneration gen,
                                    SecurityType security, VmSummary vm) {
        if (state == OsState.SPECIALIZED) out.add(Violation.of(RuleCode.IMAGE_SPECIALIZED, label));
        if (vm == null) return;
        if (os != null && vm.osType() != null && os != vm.osType()) {
            out.add(Violation.of(RuleCode.IMAGE_OS_TYPE_MISMATCH, label, os, vm.name(), vm.osType())); // PF-22: typed, shown by display name
        }
        if (gen != null && vm.hyperVGeneration() != null && gen != vm.hyperVGeneration()) {
            out.add(Violation.of(RuleCode.IMAGE_GENERATION_MISMATCH, label, gen, vm.name(),
                    vm.hyperVGeneration()));
        }
        // PF-16: Azure's values compared as they are (no folding). A snapshot of a Trusted Launch OS disk "can create Trusted
        // Launch VMs only" (trusted-launch-portal.md), so it needs a TrustedLaunch definition; a TrustedLaunchSupported definition
        // takes no snapshot at all ("Currently only Vhd Blob, User Image and Gallery Image Version sources are supported for
        // 'TrustedLaunchSupported' images.", hashicorp/packer-plugin-azure#304; read 2026-12-07).
        if (security != null && ((vm.securityType() != SecurityType.STANDARD && security != vm.securityType())
                || !security.acceptsSnapshotSource())) {
            out.add(Violation.of(RuleCode.IMAGE_SECURITY_TYPE_MISMATCH, label, security.azureName(), vm.name(),
                    vm.securityType().azureName()));
        }
    }

    private static void replicas(List<Violation> out, String label, int replicas, BatchAccountInfo account, int nodes) {
        if (replicas <= 0) {
            out.add(Violation.of(RuleCode.IMAGE_NO_REPLICA_IN_REGION, label, account.location(), account.name()));
            return;
        }
        int needed = replicasNeeded(nodes);
        if (replicas < needed) {
            out.add(Violation.of(RuleCode.IMAGE_TOO_FEW_REPLICAS, label, account.location(), replicas, nodes, needed));
        }
    }

    private static void subscription(List<Violation> out, String label, String imageSubscriptionId,
                                     SubscriptionInfo imageSubscription, BatchAccountInfo account) {
        if (imageSubscriptionId == null || account.subscriptionId() == null
                || imageSubscriptionId.equalsIgnoreCase(account.subscriptionId())) {
            return;
        }
        if (imageSubscription != null && imageSubscription.tenantId() != null && account.tenantId() != null
                && !imageSubscription.tenantId().equalsIgnoreCase(account.tenantId())) {
            out.add(Violation.of(RuleCode.IMAGE_OTHER_TENANT, label, imageSubscriptionId, account.name()));
        } else if (imageSubscription == null || !imageSubscription.batchProviderRegistered()) {
            out.add(Violation.of(RuleCode.IMAGE_BATCH_PROVIDER_NOT_REGISTERED, label, imageSubscriptionId));
        } else {
            out.add(Violation.of(RuleCode.IMAGE_OTHER_SUBSCRIPTION_OK, label, imageSubscriptionId, account.name()));
        }
    }

    private static void purchasePlan(List<Violation> out, String label, PurchasePlan imagePlan, VmSummary vm) {
        if (vm.plan() == null) return;
        if (imagePlan == null) {
            out.add(Violation.of(RuleCode.IMAGE_PLAN_MISSING, label, vm.plan().display(), vm.name()));
        } else if (!imagePlan.matches(vm.plan())) {
            out.add(Violation.of(RuleCode.IMAGE_PLAN_MISMATCH, label, imagePlan.display(), vm.plan().display()));
        }
    }

    private static void managed(List<Violation> out, String name, String subscriptionId, String location,
                                BatchAccountInfo account, LocalDate today) {
        out.add(Violation.of(managedImagesRetired(today) ? RuleCode.IMAGE_MANAGED_RETIRED_BUILD
                : RuleCode.IMAGE_MANAGED_RETIRING, name, MANAGED_IMAGE_RETIREMENT));
        if (location != null && !Regions.same(location, account.location())) {
            out.add(Violation.of(RuleCode.IMAGE_MANAGED_OTHER_REGION, name, location, account.name(), account.location()));
        }
        if (subscriptionId != null && account.subscriptionId() != null
                && !subscriptionId.equalsIgnoreCase(account.subscriptionId())) {
            out.add(Violation.of(RuleCode.IMAGE_MANAGED_OTHER_SUBSCRIPTION, name, subscriptionId, account.name()));
        }
    }
}
