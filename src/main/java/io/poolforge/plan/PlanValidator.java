package io.poolforge.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Offline validation of a plan: its structure ({@link PlanCheck}), then, if that is sound, the
 * offline rules ({@link PlanRules}) on the plan with its names resolved as an export would resolve them.
 * What {@code poolforge validate} prints and what export and run check first.
 */
public final class PlanValidator {
    private final PlanCodec codec;
    private final PlanRules rules;

    public PlanValidator(PlanCodec codec, PlanRules rules) {
        this.codec = codec;
        this.rules = rules;
    }

    public List<Finding> validate(Plan plan) {
        List<Finding> structure = new ArrayList<>(PlanCheck.check(plan));
        structure.addAll(PlanResourceNames.check(plan)); // PF-22: names that are names, before anything else
        if (!structure.isEmpty()) return List.copyOf(structure);
        List<Finding> out = new ArrayList<>();
        rules.check(PlanNames.resolveForExport(plan, codec)).forEach(v -> out.add(Finding.of(v)));
        return List.copyOf(out);
    }
}
