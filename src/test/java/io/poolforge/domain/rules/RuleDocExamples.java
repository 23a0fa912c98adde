package io.poolforge.domain.rules;

import java.util.EnumMap;
import java.util.Map;

/** The first example violation of each rule code from the bad-input table (for docs/RULES.md). */
public final class RuleDocExamples {
    private RuleDocExamples() {
    }

    public static Map<RuleCode, Violation> examples() {
        Map<RuleCode, Violation> out = new EnumMap<>(RuleCode.class);
        for (RuleExamples.Case c : RuleExamples.cases()) {
            if (out.containsKey(c.code())) continue;
            c.run().get().stream().filter(v -> v.code() == c.code()).findFirst().ifPresent(v -> out.put(c.code(), v));
        }
        return out;
    }
}
