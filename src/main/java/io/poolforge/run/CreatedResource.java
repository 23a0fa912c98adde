package io.poolforge.run;

/** A resource a run created (or may have created), for clean-up. */
public record CreatedResource(StepKind kind, String resourceId, String stepId) {
}
