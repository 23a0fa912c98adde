package io.poolforge.ui.wizard;

import java.util.List;
import java.util.Optional;

/**
 * Decides which step follows which (ControlsFX's Flow idea): linear by default; a step may be
 * skipped when the session says its work is already done (an existing snapshot or image).
 */
public interface WizardFlow {
    List<WizardStep> steps();

    Optional<WizardStep> next(WizardStep current);

    /** A flow that visits the steps in order, leaving out those {@code skipped} says (asked at each move). */
    static WizardFlow skipping(List<WizardStep> steps, java.util.function.Predicate<WizardStep> skipped) {
        List<WizardStep> copy = List.copyOf(steps);
        return new WizardFlow() {
            @Override public List<WizardStep> steps() { return copy; }

            @Override public Optional<WizardStep> next(WizardStep current) {
                for (int i = copy.indexOf(current) + 1; i > 0 && i < copy.size(); i++) {
                    if (!skipped.test(copy.get(i))) return Optional.of(copy.get(i));
                }
                return Optional.empty();
            }
        };
    }

    /** A flow that visits every step in order. */
    static WizardFlow linear(List<WizardStep> steps) {
        List<WizardStep> copy = List.copyOf(steps);
        return new WizardFlow() {
            @Override public List<WizardStep> steps() { return copy; }

            @Override public Optional<WizardStep> next(WizardStep current) {
                int i = copy.indexOf(current);
                return i >= 0 && i + 1 < copy.size() ? Optional.of(copy.get(i + 1)) : Optional.empty();
            }
        };
    }
}
