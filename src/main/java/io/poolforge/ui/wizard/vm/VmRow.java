package io.poolforge.ui.wizard.vm;

import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.Severity;
import io.poolforge.domain.rules.Violation;
import java.util.List;

/** A VM in the table, with what the rules say of it. */
public record VmRow(VmSummary vm, List<Violation> violations) {
    public VmRow {
        violations = List.copyOf(violations);
    }

    /** Whether it can be the source of a Batch image. */
    public enum Eligibility { ELIGIBLE, WARNINGS, BLOCKED }

    public Eligibility eligibility() {
        if (Violation.anyBlocking(violations)) return Eligibility.BLOCKED;
        return violations.stream().anyMatch(v -> v.severity() == Severity.WARNING) ? Eligibility.WARNINGS : Eligibility.ELIGIBLE;
    }

    public String sourceImage() {
        return vm.imageReference() == null ? "" : vm.imageReference().display();
    }

    public int diskCount() { return 1 + vm.dataDisks().size(); }
}
