package io.poolforge.export;

import io.poolforge.plan.Plan;

/**
 * Turns a plan into a document another tool runs. The plan must be checked ({@code PlanCheck}) and
 * its names resolved ({@code PlanNames}); the output holds resolved ids and no secret.
 */
@FunctionalInterface
public interface PlanExporter {
    String export(Plan resolvedPlan);
}
