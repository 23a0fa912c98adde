package io.poolforge.plan;

import io.poolforge.domain.rules.Violation;
import java.util.List;

/**
 * HOOK for the offline PF-4 rules: what {@link PlanValidator} runs on a structurally sound plan whose
 * names are resolved. {@link OfflineDomainRules} is the implementation over {@code io.poolforge.domain.rules};
 * when that package offers more plan-only checks, they are called there, not here.
 */
@FunctionalInterface
public interface PlanRules {
    List<Violation> check(Plan resolvedPlan);
}
