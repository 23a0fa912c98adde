package io.poolforge.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a plan document of version {@link #from()} into version {@code from() + 1}, on the JSON tree,
 * before it is bound to {@link Plan}. Register each in {@link PlanCodec#MIGRATIONS}; a version with no
 * path to {@link Plan#CURRENT_VERSION} is refused with {@code plan.error.tooOld}.
 */
public interface PlanMigration {
    int from();

    /** The migrated document; must set {@code planVersion} to {@code from() + 1}. */
    ObjectNode apply(ObjectNode document);
}
