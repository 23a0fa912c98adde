package io.poolforge.domain.rules;

import io.poolforge.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input yields its rule code, severity and messages (English and Spanish) that name the value. */
class RuleTableTest {
    static final Messages EN = new Messages(Locale.ENGLISH);
    static final Messages ES = new Messages(new Locale("es"));

    static List<RuleExamples.Case> cases() { return RuleExamples.cases(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGivesItsViolation(RuleExamples.Case c) {
        List<Violation> found = c.run().get();
        assertThat(found).extracting(Violation::code).contains(c.code());
        Violation v = found.stream().filter(x -> x.code() == c.code()).findFirst().orElseThrow();
        assertThat(v.severity()).isEqualTo(c.severity());
        assertThat(v.messageKey()).isEqualTo(c.code().key());
        assertThat(v.source()).matches("https://(learn\\.microsoft\\.com|github\\.com/Azure/azure-rest-api-specs)/.+");
        for (Messages m : List.of(EN, ES)) {
            String text = m.get(v.messageKey(), v.argsArray());
            assertThat(text).as("%s in %s", v.messageKey(), m.locale())
                    .doesNotStartWith("!").doesNotContain("{").doesNotContain("}");
            for (String value : c.mustName()) {
                // A date is named as the user reads it in that language (PF-20: no ISO date in a sentence).
                String shown = value.matches("\\d{4}-\\d{2}-\\d{2}") ? m.formats().date(java.time.LocalDate.parse(value)) : value;
                if (value.matches("\\d")) continue; // a choice argument (the tense), not a visible value
                assertThat(text).as("%s in %s names %s", v.messageKey(), m.locale(), shown).contains(shown)
                        .doesNotContain(value.matches("\\d{4}-\\d{2}-\\d{2}") ? value : "\u0000");
            }
        }
    }

    @Test
    void theTableIsBigEnoughAndCoversEveryRuleCode() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
        Set<RuleCode> covered = EnumSet.noneOf(RuleCode.class);
        cases().forEach(c -> covered.add(c.code()));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).isEmpty();
    }

    @Test
    void spanishUsesTheOfficialTerms() {
        Violation v = Violation.of(RuleCode.RESIZE_TIMEOUT_ADVICE, "pool-01", 15, 2, 20);
        assertThat(ES.get(v.messageKey(), v.argsArray())).contains("tiempo de espera del cambio de tamaño").contains("grupo");
        // PF-18: the node kind is named as the account gets it (Spot: "acceso puntual"), and the cap is the managed image's.
        Violation lp = Violation.of(RuleCode.POOL_LOW_PRIORITY_LIMIT, "pool-spot", 1200, 0, 1000, "img");
        assertThat(ES.get(lp.messageKey(), lp.argsArray())).contains("nodos de acceso puntual").contains("imagen administrada");
        Violation g = Violation.of(RuleCode.POOL_MANAGED_IMAGE_RETIRED, "img", "2026-03-31");
        assertThat(ES.get(g.messageKey(), g.argsArray())).contains("galería de proceso de Azure");
    }
}
