package io.poolforge.domain.diagnose;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.ResizeError;

import java.util.List;
import java.util.Objects;

/**
 * The explanation of one resize error (or of unusable nodes): cause, the evidence that shows it,
 * the remedy, the action PoolForge offers first and the alternatives. {@code error} is the raw
 * Batch error (null for a node-state diagnosis); {@code stale} marks an error left from an older resize.
 */
public record Diagnosis(Cause cause, LocalizedText causeText, List<LocalizedText> evidence, LocalizedText remedy,
                        Action action, List<Action> alternatives, ResizeError error, boolean stale, String source) {
    public Diagnosis {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(causeText, "causeText");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(action, "action");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
