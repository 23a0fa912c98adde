package io.poolforge.domain.diagnose;

/**
 * How sure a diagnosis is. CONFIRMED: Azure's own error names the cause, or a resource read from Azure proves it.
 * LIKELY: what was read is consistent with the cause but does not prove it. UNKNOWN: nothing read explains the error.
 * Only a CONFIRMED diagnosis may propose a destructive action (recreate the pool, remove or reimage nodes).
 */
public enum Confidence {
    CONFIRMED("diagnose.level.confirmed"),
    LIKELY("diagnose.level.likely"),
    UNKNOWN("diagnose.level.unknown");

    private final String key;

    Confidence(String key) { this.key = key; }

    public String key() { return key; }
}
