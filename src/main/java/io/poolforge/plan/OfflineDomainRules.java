package io.poolforge.plan;

import io.poolforge.domain.rules.NamingRules;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.domain.rules.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@code io.poolforge.domain.rules} that need nothing but the plan: Azure's naming rules
 * for snapshots, gallery, image definition, version, managed image ({@link NamingRules}) and the pool
 * id (same code and arguments as {@code PoolRules}).
 *
 * <p>HOOK(PF-4): {@code PoolRules.check}, {@code ImageRules.checkPlan} and {@code VmRules.check} need
 * Azure look-ups (account, quotas, VM sizes, supported images, the VM); they run when the runner has a
 * connection. When the rules package gains a plan-only entry point (node counts, resize timeout,
 * replicas in the account's region, managed-image retirement), call it from {@link #check}.
 */
public final class OfflineDomainRules implements PlanRules {
    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> out = new ArrayList<>();
        out.addAll(NamingRules.checkSnapshots(plan.snapshotPlan()));
        out.addAll(NamingRules.checkImageNames(plan.imagePlan()));
        String poolId = plan.pool().poolId();
        if (!NamingRules.validPoolId(poolId)) out.add(Violation.of(RuleCode.POOL_ID_INVALID, poolId, poolId.length()));
        return List.copyOf(out);
    }
}
