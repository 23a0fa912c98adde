package io.poolforge.plan;

import io.poolforge.domain.rules.NamingRules;
import io.poolforge.domain.rules.PlanShapeRules;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.domain.rules.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@code io.poolforge.domain.rules} that need nothing but the plan: Azure's naming rules
 * for snapshots, gallery, image definition, version, managed image ({@link NamingRules}), the pool
 * id (same code and arguments as {@code PoolRules}), and {@link PlanShapeRules} (node counts against the
 * custom-image limits, resize timeout range, resource id shapes, node agent OS family, retired sources).
 * The rules that need Azure (the VM, the account's quotas and pools) are {@code io.poolforge.run.Preflight}'s.
 */
public final class OfflineDomainRules implements PlanRules {
    private final Clock clock;

    public OfflineDomainRules() {
        this(Clock.systemUTC());
    }

    public OfflineDomainRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> out = new ArrayList<>();
        if (plan.marketplace()) {
            // A Marketplace pool: nothing to build, only the pool (PF-15).
            String poolId = plan.pool().poolId();
            if (!NamingRules.validPoolId(poolId)) out.add(Violation.of(RuleCode.POOL_ID_INVALID, poolId, poolId.length()));
            List<String[]> subscriptions = new ArrayList<>();
            subscriptions.add(new String[] {"pool.batchAccount", plan.pool().batchAccount().subscriptionId()});
            out.addAll(PlanShapeRules.check(null, null, null, plan.poolPlan(), subscriptions, LocalDate.now(clock)));
            return List.copyOf(out);
        }
        if (!plan.fromExistingImage()) out.addAll(NamingRules.checkSnapshots(plan.snapshotPlan()));
        out.addAll(NamingRules.checkImageNames(plan.imagePlan()));
        String poolId = plan.pool().poolId();
        if (!NamingRules.validPoolId(poolId)) out.add(Violation.of(RuleCode.POOL_ID_INVALID, poolId, poolId.length()));
        List<String[]> subscriptions = new ArrayList<>();
        if (plan.snapshots() != null) subscriptions.add(new String[] {"snapshots", plan.snapshots().subscriptionId()});
        subscriptions.add(new String[] {"image", plan.image().subscriptionId()});
        subscriptions.add(new String[] {"pool.batchAccount", plan.pool().batchAccount().subscriptionId()});
        out.addAll(PlanShapeRules.check(plan.fromExistingImage() ? null : plan.source().vmId(),
                plan.fromExistingImage() ? null : plan.snapshotPlan(), plan.imagePlan(), plan.poolPlan(), subscriptions,
                LocalDate.now(clock)));
        // PF-18: a plan that builds an image says whether its VM was generalized (source.generalized).
        if (!plan.fromExistingImage() && plan.source() != null) {
            var image = plan.imagePlan();
            io.poolforge.domain.OsType os = plan.source().osType() != null
                    ? io.poolforge.domain.OsType.parse(plan.source().osType()) : image.osType();
            String label = image.target() == io.poolforge.domain.ImageTarget.GALLERY
                    ? image.galleryName() + "/" + image.imageDefinitionName() : image.managedImageName();
            out.addAll(io.poolforge.domain.rules.ImageRules.generalization(plan.source().vmName(), os, image.osState(), label,
                    plan.source().confirmedGeneralized()));
        }
        return List.copyOf(out);
    }
}
