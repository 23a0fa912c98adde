package io.poolforge.run;

import io.poolforge.azure.AccountFacts;
import io.poolforge.azure.AccountReader;
import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.domain.AuthMethod;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.SubscriptionInfo;
import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.ImageRules;
import io.poolforge.domain.rules.PoolContext;
import io.poolforge.domain.rules.PoolRules;
import io.poolforge.domain.rules.VmRules;
import io.poolforge.domain.rules.Violation;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.plan.Plan;
import io.poolforge.plan.ResourceIds;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * THE preflight (PF-8): the VM, image, pool, quota and sharing rules a plan must pass before anything is
 * created, read from the account itself through {@link AccountReader}. The wizard's Create, {@code poolforge
 * validate --online} and {@code poolforge run} all call {@link #check}, so they report the same findings and
 * refuse the same plans. Blocking: call from a background task.
 */
public final class Preflight {
    /** The rules' verdict and what they were checked against. */
    public record Result(List<Violation> violations, AccountFacts facts) {
        public Result {
            violations = List.copyOf(violations);
        }

        public boolean blocking() { return Violation.anyBlocking(violations); }
    }

    private final ComputeGateway compute;
    private final BatchGateway batch;
    private final AccountReader reader;
    private final Clock clock;
    /** PF-16 second pass: Marketplace images' generations as Compute reports them, read once per image. */
    private final io.poolforge.azure.MarketplaceImages marketplaceImages;

    public Preflight(ComputeGateway compute, BatchGateway batch, Clock clock) {
        this(compute, batch, clock, new io.poolforge.azure.MarketplaceImages(compute));
    }

    /** @param marketplaceImages the session's reads of Marketplace images (the wizard shares its own) */
    public Preflight(ComputeGateway compute, BatchGateway batch, Clock clock, io.poolforge.azure.MarketplaceImages marketplaceImages) {
        this.marketplaceImages = marketplaceImages;
        this.compute = compute;
        this.batch = batch;
        this.reader = new AccountReader(compute, batch);
        this.clock = clock;
    }

    /** Checks a plan whose names are resolved (a run's plan, or an export's). */
    public Result check(Plan plan) {
        LocalDate today = LocalDate.now(clock);
        List<Violation> real = new ArrayList<>();
        BatchAccountInfo account = realFacts(plan, real);
        if (Violation.anyBlocking(real)) return new Result(real, null);
        Result r = checkRules(plan, account, today);
        if (real.isEmpty()) return r;
        List<Violation> all = new ArrayList<>(real);
        all.addAll(r.violations());
        return new Result(distinct(all), r.facts());
    }

    /**
     * PF-22: the plan against the account's real facts, each a finding with its own code, before any other rule
     * reads Azure: the Batch account exists (BATCH_ACCOUNT_NOT_FOUND) and is where the plan says
     * (BATCH_ACCOUNT_LOCATION_MISMATCH); every subscription the plan names is reachable with this sign-in
     * (SUBSCRIPTION_UNREACHABLE); Microsoft.Compute is registered where snapshots and images are made and, for a
     * gallery in another subscription than the account's, Microsoft.Batch there too (batch-sig-images, read 2026-12-07:
     * "If the Shared Image is not in the same subscription as the Batch account, you must register the Microsoft.Batch
     * resource provider for that subscription."): an ERROR, since Azure refuses the pool only after the snapshot, the
     * definition and the version exist; the VM exists (VM_NOT_FOUND). Returns the account, or null when it is missing.
     */
    private BatchAccountInfo realFacts(Plan plan, List<Violation> out) {
        Plan.BatchAccount a = plan.pool().batchAccount();
        java.util.Map<String, String> checked = new java.util.HashMap<>();
        if (!reachable(a.subscriptionId(), "Microsoft.Batch", checked, out)) return null;
        BatchAccountInfo account;
        try {
            account = account(plan);
        } catch (PoolForgeException e) {
            if (!e.key().startsWith("azure.error.notFound")) throw e;
            out.add(Violation.of(RuleCode.BATCH_ACCOUNT_NOT_FOUND, a.name(), a.resourceGroup(), a.subscriptionId()));
            return null;
        }
        if (a.location() != null && !io.poolforge.domain.Regions.same(a.location(), account.location())) {
            out.add(Violation.of(RuleCode.BATCH_ACCOUNT_LOCATION_MISMATCH, a.name(), a.location(), account.location()));
        }
        if (!plan.marketplace() && plan.snapshots() != null && reachable(plan.snapshots().subscriptionId(), "Microsoft.Compute", checked, out)) {
            registered(plan.snapshots().subscriptionId(), "Microsoft.Compute", checked, out);
        }
        if (!plan.marketplace() && plan.image() != null && reachable(plan.image().subscriptionId(), "Microsoft.Compute", checked, out)) {
            if (!plan.fromExistingImage()) registered(plan.image().subscriptionId(), "Microsoft.Compute", checked, out);
            if (plan.galleryTarget() && !plan.image().subscriptionId().equalsIgnoreCase(a.subscriptionId())) {
                String key = plan.image().subscriptionId().toLowerCase(Locale.ROOT) + "|microsoft.batch";
                String state = checked.computeIfAbsent(key, k -> compute.providerState(plan.image().subscriptionId(), "Microsoft.Batch").orElse(""));
                if (!"Registered".equalsIgnoreCase(state)) {
                    out.add(Violation.of(RuleCode.IMAGE_BATCH_PROVIDER_NOT_REGISTERED, plan.imagePlan().imageId(), plan.image().subscriptionId()));
                }
            }
        }
        if (!plan.marketplace() && !plan.fromExistingImage() && plan.source() != null && Violation.anyBlocking(out) == false) {
            try {
                compute.getVm(plan.source().vmId());
            } catch (PoolForgeException e) {
                if (!e.key().startsWith("azure.error.notFound")) throw e;
                out.add(Violation.of(RuleCode.VM_NOT_FOUND, plan.source().vmName() == null ? plan.source().vmId() : plan.source().vmName(),
                        plan.source().vmId()));
            }
        }
        return account;
    }

    /** False (and SUBSCRIPTION_UNREACHABLE once) when this sign-in cannot reach {@code subscriptionId}. */
    private boolean reachable(String subscriptionId, String namespace, java.util.Map<String, String> checked, List<Violation> out) {
        if (subscriptionId == null) return true;
        String key = subscriptionId.toLowerCase(Locale.ROOT) + "|" + namespace.toLowerCase(Locale.ROOT);
        String state;
        try {
            state = checked.computeIfAbsent(key, k -> compute.providerState(subscriptionId, namespace).orElse("\u0000"));
        } catch (UnsupportedOperationException e) {
            return true; // a gateway that cannot ask (test doubles): the other rules still run
        }
        if (state.equals("\u0000")) {
            boolean said = out.stream().anyMatch(v -> v.code() == RuleCode.SUBSCRIPTION_UNREACHABLE && v.args().contains(subscriptionId));
            if (!said) out.add(Violation.of(RuleCode.SUBSCRIPTION_UNREACHABLE, subscriptionId));
            return false;
        }
        return true;
    }

    private void registered(String subscriptionId, String namespace, java.util.Map<String, String> checked, List<Violation> out) {
        String state = checked.get(subscriptionId.toLowerCase(Locale.ROOT) + "|" + namespace.toLowerCase(Locale.ROOT));
        if (state != null && !state.equals("\u0000") && !"Registered".equalsIgnoreCase(state)) {
            out.add(Violation.of(RuleCode.PROVIDER_NOT_REGISTERED, namespace, subscriptionId, state));
        }
    }

    private Result checkRules(Plan plan, BatchAccountInfo account, LocalDate today) {
        if (plan.marketplace()) return checkMarketplace(plan, account, today);
        ImagePlan image = plan.imagePlan();
        GalleryImageVersionInfo existing = null;
        Violation latestFinding = null;
        if (plan.fromExistingImage()) {
            String id = image.imageId();
            if (image.latest()) {
                List<GalleryImageVersionInfo> versions = latestCandidates(id);
                existing = ImageRules.latest(versions, account.location())
                        .orElseThrow(() -> new PoolForgeException("run.error.noImage", id));
                latestFinding = ImageRules.latestFinding(image.galleryName() + "/" + image.imageDefinitionName(), existing, versions,
                        account.location());
            } else {
                existing = compute.findImageVersion(id).orElseThrow(() -> new PoolForgeException("run.error.noImage", id));
            }
        }
        AccountFacts facts = reader.read(account, existing == null ? List.of() : List.of(existing.id()));
        BatchAccountInfo used = facts.account();
        List<Violation> out = new ArrayList<>();
        if (latestFinding != null) out.add(latestFinding);
        int nodes = Math.max(0, nz(plan.pool().targetDedicatedNodes())) + Math.max(0, nz(plan.pool().targetLowPriorityNodes()));
        VmSummary vm = null;
        // PF-22: the registration was checked in realFacts (an ERROR there); same tenant: the sign-in reached it.
        SubscriptionInfo imageSub = new SubscriptionInfo(image.subscriptionId(), used.tenantId(), true);
        if (!plan.fromExistingImage()) {
            vm = compute.getVm(plan.source().vmId());
            // PF-18: generalized when the instance view says so, or when the plan records the user's confirmation.
            if (plan.source().confirmedGeneralized()) vm = vm.withGeneralized(true);
            out.addAll(VmRules.check(vm, used, facts.supportedImages(), plan.imageTarget(), today));
            out.addAll(ImageRules.checkPlan(image, vm, used, imageSub, nodes, today));
            if (plan.galleryTarget()) {
                // PF-15: the definition's identifier against the definitions the gallery already has (if it exists).
                String galleryId = ResourceIds.gallery(plan);
                if (compute.findGallery(galleryId).isPresent()) {
                    out.addAll(ImageRules.checkAgainstGallery(image, compute.listImageDefinitions(galleryId)));
                }
            }
        } else {
            out.addAll(ImageRules.checkGalleryVersion(existing, null, used, imageSub, nodes));
        }
        OsType os = existing != null ? existing.image().osType() : image.osType();
        HyperVGeneration gen = existing != null ? existing.image().hyperVGeneration() : image.hyperVGeneration();
        Integer replicas = existing != null ? Integer.valueOf(existing.replicasIn(used.location()))
                : plan.galleryTarget() ? Integer.valueOf(image.replicasIn(used.location())) : null;
        ImageReference base = vm != null ? vm.imageReference() : baseImage(plan);
        // PF-16 second pass: the generations of the supported images the node agent proposal compares, as Azure reports them
        // (none asked when the base image is listed itself).
        List<io.poolforge.domain.SupportedImage> supported = marketplaceImages.forProposal(used.subscriptionId(), used.location(), base, os,
                facts.supportedImages());
        PoolContext ctx = new PoolContext(used, AuthMethod.ENTRA_ID, facts.pools(), facts.vmSizes(), supported,
                plan.imageTarget(), os, gen, base, facts.imageSources(), replicas, today);
        out.addAll(PoolRules.check(plan.poolPlan(), ctx));
        return new Result(distinct(osBlame(out, vm)), facts);
    }

    /**
     * PF-22: when the VM's real OS is known and the plan's osType contradicts it (IMAGE_OS_TYPE_MISMATCH), a node agent
     * SKU for the VM's real OS is right: the plan is at fault, not the node agent (NODE_AGENT_OS_MISMATCH is dropped).
     */
    static List<Violation> osBlame(List<Violation> all, VmSummary vm) {
        if (vm == null || vm.osType() == null || all.stream().noneMatch(v -> v.code() == RuleCode.IMAGE_OS_TYPE_MISMATCH)) return all;
        return all.stream().filter(v -> !(v.code() == RuleCode.NODE_AGENT_OS_MISMATCH && v.args().size() > 1
                && String.valueOf(v.args().get(1)).equalsIgnoreCase(String.valueOf(vm.osType())))).toList();
    }

    /** A Marketplace pool (PF-15): the pool rules with the Marketplace image as the image and its node agent source. */
    private Result checkMarketplace(Plan plan, BatchAccountInfo account, LocalDate today) {
        AccountFacts facts = reader.read(account, List.of());
        ImageReference ref = plan.marketplaceImage();
        var entry = facts.supportedImages().stream().filter(s -> s.imageReference().sameSku(ref)).findFirst();
        // PF-16 second pass: the image's generation as Compute reports it for the plan's version (null: unknown, and the size's
        // generation check is then not made), never from the SKU's name.
        io.poolforge.domain.HyperVGeneration gen = marketplaceImages.generation(facts.account().subscriptionId(),
                facts.account().location(), ref);
        PoolContext ctx = new PoolContext(facts.account(), AuthMethod.ENTRA_ID, facts.pools(), facts.vmSizes(),
                facts.supportedImages(), null, entry.map(io.poolforge.domain.SupportedImage::osType).orElse(null),
                gen, ref, facts.imageSources(), null, today);
        return new Result(distinct(PoolRules.check(plan.poolPlan(), ctx)), facts);
    }

    /**
     * The versions of an image definition a pool on "latest" chooses from (PF-18: {@link ImageRules#latest} skips the
     * ones excluded from latest, as Batch does); the run stops with {@code run.error.noImage} when the definition is
     * gone.
     */
    private List<GalleryImageVersionInfo> latestCandidates(String definitionId) {
        if (compute.findImageDefinition(definitionId).isEmpty()) throw new PoolForgeException("run.error.noImage", definitionId);
        return compute.listImageVersions(definitionId);
    }

    /** Major.Minor.Patch as a zero-padded string that sorts like the version. */
    static String versionKey(String version) {
        return ImageRules.versionKey(version);
    }

    /** The plan's Batch account as the account lists it (quotas, mode), or Azure's "not found". */
    private BatchAccountInfo account(Plan plan) {
        Plan.BatchAccount a = plan.pool().batchAccount();
        String id = ResourceIds.batchAccount(plan);
        return batch.listAccounts(a.subscriptionId()).stream()
                .filter(x -> x.id() != null && x.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new PoolForgeException("azure.error.notFound", a.name()));
    }

    private static ImageReference baseImage(Plan plan) {
        Plan.BaseImage b = plan.source() == null ? null : plan.source().baseImage();
        return b == null ? null : ImageReference.marketplace(b.publisher(), b.offer(), b.sku(), b.version());
    }

    /** The same rule with the same arguments once (the image and pool rules both look at replicas). */
    private static List<Violation> distinct(List<Violation> all) {
        Set<String> seen = new LinkedHashSet<>();
        List<Violation> out = new ArrayList<>();
        for (Violation v : all) {
            if (seen.add(v.code() + "|" + String.valueOf(v.args()).toLowerCase(Locale.ROOT))) out.add(v);
        }
        return out;
    }

    private static int nz(Integer i) { return i == null ? 0 : i; }
}
