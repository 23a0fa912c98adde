package io.poolforge.domain.rules;

import io.poolforge.domain.AuthMethod;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.PoolAllocationMode;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pool step: id, node agent SKU, VM size, node counts, managed-image node limits, Spot nodes per allocation mode, end of support, quotas,
 * resize timeout, one image per pool, Entra ID authentication, managed-image retirement.
 */
public final class PoolRules {
    /**
     * Dedicated nodes per managed image (all pools sharing the image or its snapshots). batch-quota-limit scopes the
     * limit to "Compute nodes in pool created with a managed image resource" (Dedicated nodes 2000, Spot nodes 1000;
     * read 2026-12-07); the 2019 managed-image page said 2,500, and the newer quota page is followed. Gallery pools
     * are not capped here (PF-18): batch-sig-images plans "a pool with 3,000 VMs" with "at least 10 replicas".
     */
    public static final int MAX_DEDICATED_NODES = 2_000;
    /** The higher figure of batch-custom-images (2019), quoted in the message. */
    public static final int MAX_DEDICATED_NODES_OLD_DOC = 2_500;
    /** Spot (formerly low-priority) nodes per managed image (quota page). */
    public static final int MAX_LOW_PRIORITY_NODES = 1_000;

    private PoolRules() {
    }

    public static List<Violation> check(PoolPlan plan, PoolContext ctx) {
        List<Violation> out = new ArrayList<>();
        BatchAccountInfo account = ctx.account();
        String poolId = plan.poolId();

        // Pool id.
        if (!NamingRules.validPoolId(poolId)) {
            out.add(Violation.of(RuleCode.POOL_ID_INVALID, poolId, poolId.length()));
        }
        ctx.existingPools().stream().filter(p -> p.id().equalsIgnoreCase(poolId)).findFirst()
                .ifPresent(p -> out.add(Violation.of(RuleCode.POOL_ID_TAKEN, poolId, p.id(), account.name())));

        // Authentication: custom images need Entra ID.
        if (ctx.auth() == AuthMethod.SHARED_KEY) out.add(Violation.of(RuleCode.AUTH_SHARED_KEY, account.name()));

        // Managed image as a pool source.
        String imageLabel = plan.marketplace() ? plan.marketplaceImage().display() : imageLabel(plan.imageId());
        if (!plan.marketplace() && ctx.imageKind() == ImageTarget.MANAGED) {
            out.add(Violation.of(ImageRules.managedImagesRetired(ctx.today()) ? RuleCode.POOL_MANAGED_IMAGE_RETIRED
                    : RuleCode.POOL_MANAGED_IMAGE_RETIRING, imageLabel, ImageRules.MANAGED_IMAGE_RETIREMENT));
        }

        // A Marketplace pool (PF-15): the image must be one Batch lists for the account ("List Supported Images").
        if (plan.marketplace() && !ctx.supportedImages().isEmpty()
                && ctx.supportedImages().stream().noneMatch(s -> s.imageReference().sameSku(plan.marketplaceImage()))) {
            out.add(Violation.of(RuleCode.POOL_MARKETPLACE_IMAGE_UNSUPPORTED, plan.marketplaceImage().display(),
                    account.name(), account.location()));
        }
        if (plan.marketplace()) {
            ctx.supportedImages().stream().filter(s -> s.imageReference().sameSku(plan.marketplaceImage()))
                    .filter(s -> s.batchSupportEndOfLife() != null).findFirst().ifPresent(s -> {
                        var end = s.batchSupportEndOfLife().atZone(ZoneOffset.UTC).toLocalDate();
                        if (!ctx.today().isBefore(end)) {
                            out.add(Violation.of(RuleCode.POOL_MARKETPLACE_IMAGE_END_OF_LIFE, plan.marketplaceImage().display(),
                                    end));
                        } else if (EndOfLife.soon(ctx.today(), end)) {
                            out.add(Violation.of(RuleCode.POOL_MARKETPLACE_IMAGE_END_OF_LIFE_SOON, plan.marketplaceImage().display(),
                                    end, EndOfLife.daysLeft(ctx.today(), end)));
                        }
                    });
        }
        nodeAgent(out, plan, ctx);
        int dedicated = plan.targetDedicatedNodes();
        int lowPriority = plan.targetLowPriorityNodes();
        Optional<VmSkuInfo> size = vmSize(out, plan, ctx);

        // Node counts.
        if (dedicated < 0 || lowPriority < 0) {
            out.add(Violation.of(RuleCode.POOL_NEGATIVE_NODES, poolId, dedicated, lowPriority));
            return List.copyOf(out);
        }
        PlanShapeRules.counts(out, poolId, dedicated, lowPriority);

        // Which preemptible nodes the account gets (PF-18): Spot on both allocation modes since the low-priority retirement.
        if (lowPriority > 0) {
            out.add(Violation.of(account.poolAllocationMode() == PoolAllocationMode.USER_SUBSCRIPTION
                    ? RuleCode.POOL_SPOT_NODES_USER_SUBSCRIPTION : RuleCode.POOL_SPOT_NODES_BATCH_SERVICE, account.name(), poolId, lowPriority));
        }

        // Managed-image node limits (PF-18: managed images only), counting other pools on the same image or snapshots;
        // one image per pool (advice for every custom image).
        List<PoolInfo> sharing = plan.marketplace() ? List.of() : poolsSharingImage(plan, ctx);
        int otherDedicated = sharing.stream().mapToInt(p -> Math.max(p.targetDedicatedNodes(), p.currentDedicatedNodes())).sum();
        int otherLow = sharing.stream().mapToInt(p -> Math.max(p.targetLowPriorityNodes(), p.currentLowPriorityNodes())).sum();
        boolean managedImage = !plan.marketplace() && ctx.imageKind() == ImageTarget.MANAGED;
        if (managedImage && dedicated + otherDedicated > MAX_DEDICATED_NODES) {
            out.add(Violation.of(RuleCode.POOL_DEDICATED_LIMIT, poolId, dedicated, otherDedicated, MAX_DEDICATED_NODES,
                    MAX_DEDICATED_NODES_OLD_DOC, imageLabel));
        }
        if (managedImage && lowPriority + otherLow > MAX_LOW_PRIORITY_NODES) {
            out.add(Violation.of(RuleCode.POOL_LOW_PRIORITY_LIMIT, poolId, lowPriority, otherLow, MAX_LOW_PRIORITY_NODES,
                    imageLabel));
        }
        if (!sharing.isEmpty()) {
            out.add(Violation.of(RuleCode.IMAGE_SHARED_WITH_POOL, imageLabel,
                    sharing.stream().map(PoolInfo::id).collect(Collectors.joining(", "))));
        }

        // Gallery replicas for this pool size.
        if (!plan.marketplace() && ctx.imageKind() == ImageTarget.GALLERY && ctx.imageReplicasInRegion() != null) {
            int replicas = ctx.imageReplicasInRegion();
            int total = dedicated + lowPriority;
            if (replicas <= 0) {
                out.add(Violation.of(RuleCode.IMAGE_NO_REPLICA_IN_REGION, imageLabel, account.location(), account.name()));
            } else if (replicas < ImageRules.replicasNeeded(total)) {
                out.add(Violation.of(RuleCode.IMAGE_TOO_FEW_REPLICAS, imageLabel, account.location(), replicas, total,
                        ImageRules.replicasNeeded(total)));
            }
        }

        // Quotas. In user-subscription mode the account's core quotas do not apply (ARM reports them as 0):
        // the subscription's regional vCPU quotas do (batch-quota-limit). AccountReader puts them in place of
        // the account's, with the regional usage (source SUBSCRIPTION); when they could not be read, say so.
        boolean userSubscription = account.poolAllocationMode() == PoolAllocationMode.USER_SUBSCRIPTION;
        boolean regionalKnown = account.usage().source() == io.poolforge.domain.AccountUsage.Source.SUBSCRIPTION;
        if (!userSubscription || regionalKnown) {
            size.ifPresent(s -> quotas(out, plan, s, account));
        }
        if (account.usage().pools() + 1 > account.poolQuota()) {
            out.add(Violation.of(RuleCode.QUOTA_POOLS, account.name(), account.usage().pools(), account.poolQuota()));
        }
        if (userSubscription && !regionalKnown) {
            out.add(Violation.of(RuleCode.QUOTA_USER_SUBSCRIPTION, account.name()));
        }

        // Resize timeout.
        Duration timeout = plan.resizeTimeout();
        int total = dedicated + lowPriority;
        Duration recommended = ResizePlanner.recommendedTimeout(total);
        int before = out.size();
        PlanShapeRules.timeout(out, poolId, timeout);
        if (out.size() == before && timeout.compareTo(recommended) < 0) {
            out.add(Violation.of(RuleCode.RESIZE_TIMEOUT_ADVICE, poolId, timeout.toMinutes(), total,
                    recommended.toMinutes()));
        }
        if (total > ResizePlanner.STEP_NODES) {
            var steps = ResizePlanner.plan(dedicated, lowPriority);
            out.add(Violation.of(RuleCode.RESIZE_IN_STEPS, poolId, total, steps.size(), ResizePlanner.STEP_NODES));
        }
        return List.copyOf(out);
    }

    private static void nodeAgent(List<Violation> out, PoolPlan plan, PoolContext ctx) {
        NodeAgentProposal proposal = NodeAgentMatcher.propose(ctx.sourceImage(), ctx.imageOsType(), ctx.imageGeneration(),
                ctx.supportedImages());
        String chosen = plan.nodeAgentSkuId();
        if (chosen == null || chosen.isBlank()) {
            out.add(Violation.of(RuleCode.NODE_AGENT_MISSING, plan.poolId(),
                    proposal.found() ? proposal.nodeAgentSkuId() : "-"));
            return;
        }
        List<SupportedImage> withSku = ctx.supportedImages().stream()
                .filter(s -> s.nodeAgentSkuId().equalsIgnoreCase(chosen)).toList();
        if (!ctx.supportedImages().isEmpty() && withSku.isEmpty()) {
            out.add(Violation.of(RuleCode.NODE_AGENT_UNSUPPORTED, chosen, plan.poolId()));
            return;
        }
        if (ctx.imageOsType() != null && !withSku.isEmpty()
                && withSku.stream().noneMatch(s -> s.osType() == null || s.osType() == ctx.imageOsType())) {
            out.add(Violation.of(RuleCode.NODE_AGENT_OS_MISMATCH, chosen, withSku.get(0).osType(),
                    ctx.imageOsType())); // PF-22: typed, shown by display name
            return;
        }
        if (proposal.found() && proposal.basis() != NodeAgentProposal.Basis.SAME_PUBLISHER
                && !proposal.nodeAgentSkuId().equalsIgnoreCase(chosen)) {
            out.add(Violation.of(RuleCode.NODE_AGENT_DIFFERS, chosen, proposal.nodeAgentSkuId(),
                    ctx.sourceImage() == null ? "" : ctx.sourceImage().display()));
        }
        if (!plan.marketplace()) nodeAgentEndOfLife(out, chosen, withSku, ctx);
    }

    /**
     * PF-18: the node agent SKU of a custom-image pool (built now or an existing gallery image) against the end of Batch
     * support of its images. The entry of the image's Marketplace base when it is known; otherwise the node agent's
     * support ends when the last of its images' does, and only if every one of them has a date. Warned from
     * {@link EndOfLife#WARNING_DAYS} days ahead, and after the date.
     */
    private static void nodeAgentEndOfLife(List<Violation> out, String chosen, List<SupportedImage> withSku, PoolContext ctx) {
        if (withSku.isEmpty()) return;
        java.time.LocalDate end = null;
        var base = ctx.sourceImage() == null ? Optional.<SupportedImage>empty()
                : withSku.stream().filter(s -> s.imageReference().sameSku(ctx.sourceImage())).findFirst();
        if (base.isPresent()) {
            end = EndOfLife.day(base.get().batchSupportEndOfLife());
        } else if (withSku.stream().allMatch(s -> s.batchSupportEndOfLife() != null)) {
            end = withSku.stream().map(s -> EndOfLife.day(s.batchSupportEndOfLife())).max(java.util.Comparator.naturalOrder()).orElse(null);
        }
        if (end == null) return;
        long left = EndOfLife.daysLeft(ctx.today(), end);
        if (left <= EndOfLife.WARNING_DAYS) {
            out.add(Violation.of(RuleCode.NODE_AGENT_END_OF_LIFE, chosen, end, left, Math.abs(left)));
        }
    }

    private static Optional<VmSkuInfo> vmSize(List<Violation> out, PoolPlan plan, PoolContext ctx) {
        String name = plan.vmSize() == null ? "" : plan.vmSize();
        Optional<VmSkuInfo> size = ctx.vmSizes().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
        if (size.isEmpty()) {
            out.add(Violation.of(RuleCode.VM_SIZE_UNSUPPORTED, name, ctx.account().location()));
            return size;
        }
        VmSkuInfo s = size.get();
        if (!s.boots(ctx.imageGeneration())) {
            out.add(Violation.of(RuleCode.VM_SIZE_GENERATION, s.name(), ctx.imageGeneration().name(),
                    s.generations().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        }
        // PF-16: a pool with securityProfile trustedLaunch needs a size that runs Trusted Launch (Generation 2, capability
        // TrustedLaunchDisabled not True: trusted-launch-faq.md, read 2026-12-07). Refused before anything is created.
        if (plan.securityProfile() != null && plan.securityProfile().trustedLaunch() && !s.runsTrustedLaunch()) {
            out.add(Violation.of(RuleCode.VM_SIZE_NO_TRUSTED_LAUNCH, s.name(),
                    s.trustedLaunchDisabled() ? "TrustedLaunchDisabled=True" : "HyperVGenerations="
                            + s.generations().stream().map(Enum::name).sorted().collect(Collectors.joining(","))));
        }
        if (s.batchSupportEndOfLife() != null) {
            // The date as a date (shown in the user's locale) and whether it is past, so the sentence's tense follows it (PF-20).
            java.time.LocalDate end = s.batchSupportEndOfLife().atZone(ZoneOffset.UTC).toLocalDate();
            out.add(Violation.of(RuleCode.VM_SIZE_END_OF_LIFE, s.name(), end, ctx.today().isBefore(end) ? 0 : 1));
        }
        if (plan.targetLowPriorityNodes() > 0 && !s.lowPriorityCapable()) {
            out.add(Violation.of(RuleCode.VM_SIZE_NO_LOW_PRIORITY, s.name(), plan.targetLowPriorityNodes()));
        }
        return size;
    }

    private static void quotas(List<Violation> out, PoolPlan plan, VmSkuInfo size, BatchAccountInfo account) {
        int dedicatedCores = Math.max(0, plan.targetDedicatedNodes()) * size.vCpus();
        int lowCores = Math.max(0, plan.targetLowPriorityNodes()) * size.vCpus();
        int dedicatedFree = account.dedicatedCoreQuota() - account.usage().dedicatedCores();
        int lowFree = account.lowPriorityCoreQuota() - account.usage().lowPriorityCores();
        if (dedicatedCores > dedicatedFree) {
            out.add(Violation.of(RuleCode.QUOTA_DEDICATED_CORES, account.name(), dedicatedCores, size.name(),
                    account.usage().dedicatedCores(), account.dedicatedCoreQuota(), Math.max(0, dedicatedFree)));
        }
        Integer familyQuota = account.familyCoreQuota(size.family());
        if (account.perFamilyQuotaEnforced() || familyQuota != null) {
            int quota = familyQuota == null ? 0 : familyQuota;
            int used = account.usage().familyCores(size.family());
            if (dedicatedCores > quota - used) {
                out.add(Violation.of(RuleCode.QUOTA_FAMILY_CORES, account.name(), size.family(), dedicatedCores, used,
                        quota, Math.max(0, quota - used)));
            }
        }
        if (lowCores > lowFree) {
            out.add(Violation.of(RuleCode.QUOTA_LOW_PRIORITY_CORES, account.name(), lowCores, size.name(),
                    account.usage().lowPriorityCores(), account.lowPriorityCoreQuota(), Math.max(0, lowFree)));
        }
        out.add(Violation.of(RuleCode.QUOTA_HEADROOM, account.name(), Math.max(0, dedicatedFree - dedicatedCores),
                Math.max(0, lowFree - lowCores), Math.max(0, account.poolQuota() - account.usage().pools() - 1)));
    }

    /** Existing pools (other than this id) using the same image id, or an image built from one of the same snapshots. */
    public static List<PoolInfo> poolsSharingImage(PoolPlan plan, PoolContext ctx) {
        String imageId = plan.imageId();
        if (imageId == null) return List.of();
        Set<String> mySources = sources(ctx, imageId);
        return ctx.existingPools().stream()
                .filter(p -> !p.id().equalsIgnoreCase(plan.poolId()))
                .filter(p -> p.customImageId() != null)
                .filter(p -> p.customImageId().equalsIgnoreCase(imageId)
                        || sources(ctx, p.customImageId()).stream().anyMatch(mySources::contains))
                .toList();
    }

    private static Set<String> sources(PoolContext ctx, String imageId) {
        return ctx.imageSources().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(imageId))
                .flatMap(e -> e.getValue().stream()).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The last segments of an image id ("gallery/definition/version" or the managed image name). */
    static String imageLabel(String imageId) {
        if (imageId == null) return "";
        String[] p = imageId.split("/");
        int g = -1;
        for (int i = 0; i < p.length; i++) if (p[i].equalsIgnoreCase("galleries")) g = i;
        if (g >= 0 && p.length > g + 1) {
            StringBuilder sb = new StringBuilder(p[g + 1]);
            for (int i = g + 3; i < p.length; i += 2) sb.append('/').append(p[i]);
            return sb.toString();
        }
        return p[p.length - 1];
    }
}
