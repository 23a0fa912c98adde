package io.poolforge.plan;

/** A plan as read: the (migrated) plan and the version the file had. */
public record LoadedPlan(Plan plan, int fileVersion) {
    public boolean migrated() { return fileVersion != plan.planVersion(); }
}
