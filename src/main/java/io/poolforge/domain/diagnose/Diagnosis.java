package io.poolforge.domain.diagnose;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.ResizeError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The explanation of one resize error (or of unusable nodes): cause, the evidence that shows it,
 * the remedy, the action PoolForge offers first and the alternatives. {@code error} is the raw
 * Batch error (null for a node-state diagnosis); {@code stale} marks an error left from an older resize.
 * {@code confidence} says how sure it is; {@code checked} lists what was read from Azure and what it showed,
 * {@code notChecked} what could not be checked and why. A diagnosis that is not CONFIRMED never offers a
 * destructive action: the constructor drops it (and offers the first safe alternative, or support, instead).
 */
public record Diagnosis(Cause cause, LocalizedText causeText, List<LocalizedText> evidence, LocalizedText remedy,
                        Action action, List<Action> alternatives, ResizeError error, boolean stale, String source,
                        Confidence confidence, List<LocalizedText> checked, List<LocalizedText> notChecked) {
    public Diagnosis {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(causeText, "causeText");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(action, "action");
        if (confidence == null) confidence = Confidence.UNKNOWN;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        checked = checked == null ? List.of() : List.copyOf(checked);
        notChecked = notChecked == null ? List.of() : List.copyOf(notChecked);
        List<Action> alts = new ArrayList<>(alternatives == null ? List.of() : alternatives);
        if (confidence != Confidence.CONFIRMED) {
            alts.removeIf(Action::destructive);
            if (action.destructive()) action = alts.isEmpty() ? Action.CONTACT_SUPPORT : alts.remove(0);
        }
        alts.remove(action);
        alternatives = List.copyOf(alts);
    }

    /** A diagnosis without a level or look-ups (UNKNOWN: nothing destructive is offered). */
    public Diagnosis(Cause cause, LocalizedText causeText, List<LocalizedText> evidence, LocalizedText remedy,
                     Action action, List<Action> alternatives, ResizeError error, boolean stale, String source) {
        this(cause, causeText, evidence, remedy, action, alternatives, error, stale, source, Confidence.UNKNOWN, List.of(), List.of());
    }

    /** Every action offered, the first one first. */
    public List<Action> actions() {
        List<Action> all = new ArrayList<>();
        all.add(action);
        all.addAll(alternatives);
        return List.copyOf(all);
    }
}
