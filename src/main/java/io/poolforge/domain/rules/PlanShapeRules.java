package io.poolforge.domain.rules;

import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.SnapshotPlan;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules that need nothing but the plan (PF-8): what {@code poolforge validate} can tell without Azure. Node
 * counts against the managed-image limits (PF-18: managed-image pools only) (as if no other pool shared the image: the online check adds those),
 * resize timeout range, resource id shapes, the node agent SKU's OS family against the image's OS, and retired
 * pool sources. Same codes and arguments as {@link PoolRules} where they overlap, so a finding is reported once.
 */
public final class PlanShapeRules {
    /**
     * The longest resize timeout PoolForge accepts. Batch documents a 5-minute minimum and no maximum (REST
     * "Pool - Add", resizeTimeout); gallery-image pools need 15 minutes per 1,000 nodes (batch-sig-images), so
     * a 3,000-node gallery pool needs 45 minutes. A week is far beyond any of that: longer values are typos
     * (P99999D is 274 years) that would leave a failed allocation waiting.
     */
    public static final Duration MAXIMUM_TIMEOUT = Duration.ofDays(7);
    /**
     * PF-20 (second pass): the most dedicated (and, apart, the most Spot) nodes PoolForge accepts in a pool, its own bound
     * against typos (100000 for 10000). Batch documents no per-pool maximum for gallery and Marketplace pools (the
     * REST definitions are int32 without a maximum; batch-quota-limit caps only pools "created with a managed image
     * resource"); the account's core quotas decide below it. Microsoft's custom-image page plans at most 3,000 VMs.
     */
    public static final int MAXIMUM_NODES = 10_000;

    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String NAME = "[^/]+";
    private static final Pattern VM_ID = Pattern.compile("/subscriptions/" + GUID + "/resourceGroups/" + NAME
            + "/providers/Microsoft\\.Compute/virtualMachines/" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern DISK_ID = Pattern.compile("/subscriptions/" + GUID + "/resourceGroups/" + NAME
            + "/providers/Microsoft\\.Compute/disks/" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBSCRIPTION = Pattern.compile(GUID);

    /** What the message names as the expected shape. */
    static final String VM_SHAPE = "/subscriptions/SUBSCRIPTION-ID/resourceGroups/GROUP/providers/Microsoft.Compute/virtualMachines/NAME";
    static final String DISK_SHAPE = "/subscriptions/SUBSCRIPTION-ID/resourceGroups/GROUP/providers/Microsoft.Compute/disks/NAME";
    static final String SUBSCRIPTION_SHAPE = "00000000-0000-0000-0000-000000000000";

    private PlanShapeRules() {
    }

    /**
     * @param vmId the source VM's id, null when the plan starts from an existing image
     * @param snapshots the snapshot step, null when the plan starts from an existing image
     * @param image the image, null for a pool on a Marketplace image (PF-15)
     * @param subscriptions (where, subscription id) pairs: "snapshots", "image", "batchAccount"
     * @param today injected date (managed-image retirement)
     */
    public static List<Violation> check(String vmId, SnapshotPlan snapshots, ImagePlan image, PoolPlan pool,
                                        List<String[]> subscriptions, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        if (vmId != null && !VM_ID.matcher(vmId).matches()) {
            out.add(Violation.of(RuleCode.RESOURCE_ID_INVALID, "source.vmId", vmId, VM_SHAPE));
        }
        if (snapshots != null) {
            disk(out, "snapshots.osDisk.diskId", snapshots.osDiskId());
            snapshots.dataDisks().forEach(d -> disk(out, "snapshots.dataDisks[LUN " + d.lun() + "].diskId", d.diskId()));
        }
        for (String[] s : subscriptions) {
            if (s[1] != null && !SUBSCRIPTION.matcher(s[1]).matches()) {
                out.add(Violation.of(RuleCode.RESOURCE_ID_INVALID, s[0] + ".subscriptionId", s[1], SUBSCRIPTION_SHAPE));
            }
        }

        String poolId = pool.poolId();
        String label = PoolRules.imageLabel(pool.imageId());
        if (image != null && image.target() == ImageTarget.MANAGED) {
            out.add(Violation.of(ImageRules.managedImagesRetired(today) ? RuleCode.POOL_MANAGED_IMAGE_RETIRED
                    : RuleCode.POOL_MANAGED_IMAGE_RETIRING, label, ImageRules.MANAGED_IMAGE_RETIREMENT.toString()));
        }
        OsType agentOs = osOfNodeAgent(pool.nodeAgentSkuId());
        if (agentOs != null && image != null && image.osType() != null && agentOs != image.osType()) {
            out.add(Violation.of(RuleCode.NODE_AGENT_OS_MISMATCH, pool.nodeAgentSkuId(), agentOs, image.osType())); // PF-22: typed, shown by display name
        }

        int dedicated = pool.targetDedicatedNodes();
        int low = pool.targetLowPriorityNodes();
        if (dedicated >= 0 && low >= 0) {
            // The node limits are the managed-image ones (PF-18, batch-quota-limit: "Compute nodes in pool created with a
            // managed image resource"): gallery and Marketplace pools have the account's quotas (and replicas) only.
            boolean managedImage = image != null && image.target() == ImageTarget.MANAGED;
            if (managedImage && dedicated > PoolRules.MAX_DEDICATED_NODES) {
                out.add(Violation.of(RuleCode.POOL_DEDICATED_LIMIT, poolId, dedicated, 0, PoolRules.MAX_DEDICATED_NODES,
                        PoolRules.MAX_DEDICATED_NODES_OLD_DOC, label));
            }
            if (managedImage && low > PoolRules.MAX_LOW_PRIORITY_NODES) {
                out.add(Violation.of(RuleCode.POOL_LOW_PRIORITY_LIMIT, poolId, low, 0, PoolRules.MAX_LOW_PRIORITY_NODES, label));
            }
            counts(out, poolId, dedicated, low);
        }
        timeout(out, poolId, pool.resizeTimeout());
        return List.copyOf(out);
    }

    /**
     * The node counts' range (also part of {@link PoolRules}), for counts that are not negative: more than
     * {@link #MAXIMUM_NODES} of either is refused (PoolForge's bound); 0 + 0 is a pool Azure accepts with no nodes until
     * it is resized (PF-20, BatchManagement.json 2025-06-01 ScaleSettings), said as advice.
     */
    static void counts(List<Violation> out, String poolId, int dedicated, int low) {
        if (dedicated > MAXIMUM_NODES || low > MAXIMUM_NODES) {
            out.add(Violation.of(RuleCode.POOL_TOO_MANY_NODES, poolId, dedicated, low, MAXIMUM_NODES));
        } else if ((long) dedicated + low == 0) {
            out.add(Violation.of(RuleCode.POOL_NO_NODES, poolId));
        }
    }

    /** The resize timeout's range (also part of {@link PoolRules}). */
    static void timeout(List<Violation> out, String poolId, Duration timeout) {
        if (timeout.compareTo(ResizePlanner.MINIMUM_TIMEOUT) < 0) {
            out.add(Violation.of(RuleCode.RESIZE_TIMEOUT_TOO_SHORT, poolId, timeout.toMinutes()));
        } else if (timeout.compareTo(MAXIMUM_TIMEOUT) > 0) {
            out.add(Violation.of(RuleCode.RESIZE_TIMEOUT_TOO_LONG, poolId, timeout.toString(), MAXIMUM_TIMEOUT.toDays()));
        }
    }

    private static void disk(List<Violation> out, String where, String id) {
        if (id != null && !DISK_ID.matcher(id).matches()) out.add(Violation.of(RuleCode.RESOURCE_ID_INVALID, where, id, DISK_SHAPE));
    }

    /**
     * The OS family a node agent SKU id is for: Batch's ids name it ("batch.node.windows amd64"; Linux ones name the
     * distribution: ubuntu, debian, el, centos, rhel, sles, opensuse, mariner, azurelinux). Null when unknown.
     */
    public static OsType osOfNodeAgent(String nodeAgentSkuId) {
        if (nodeAgentSkuId == null) return null;
        String s = nodeAgentSkuId.trim().toLowerCase(Locale.ROOT);
        if (!s.startsWith("batch.node.")) return null;
        String family = s.substring("batch.node.".length());
        if (family.startsWith("windows")) return OsType.WINDOWS;
        for (String linux : List.of("ubuntu", "debian", "el ", "el", "centos", "rhel", "sles", "opensuse", "mariner", "azurelinux")) {
            if (family.startsWith(linux)) return OsType.LINUX;
        }
        return null;
    }
}
