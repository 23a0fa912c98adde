package io.poolforge.domain.diagnose;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.ResizeError;
import io.poolforge.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnoserTest {
    static final Messages EN = new Messages(Locale.ENGLISH);
    static final Messages ES = new Messages(new Locale("es"));

    static List<DiagnosisExamples.Case> cases() { return DiagnosisExamples.cases(); }

    static String render(Messages m, LocalizedText t) {
        String s = m.get(t.key(), t.argsArray());
        assertThat(s).as("%s in %s", t.key(), m.locale()).doesNotStartWith("!").doesNotContain("{").doesNotContain("}");
        return s;
    }

    static String all(Messages m, Diagnosis d) {
        List<String> parts = new ArrayList<>();
        parts.add(render(m, d.causeText()));
        parts.add(render(m, d.remedy()));
        d.evidence().forEach(e -> parts.add(render(m, e)));
        d.checked().forEach(e -> parts.add(render(m, e)));
        d.notChecked().forEach(e -> parts.add(render(m, e)));
        parts.add(m.get(d.action().key()));
        d.alternatives().forEach(a -> parts.add(m.get(a.key())));
        return String.join("\n", parts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diagnosesTheCause(DiagnosisExamples.Case c) {
        List<Diagnosis> ds = Diagnoser.diagnose(c.evidence());
        assertThat(ds).extracting(Diagnosis::cause).contains(c.cause());
        Diagnosis d = ds.stream().filter(x -> x.cause() == c.cause()).findFirst().orElseThrow();
        assertThat(d.action()).isEqualTo(c.action());
        assertThat(d.stale()).isEqualTo(c.stale());
        assertThat(d.source()).startsWith("https://learn.microsoft.com/");
        for (Messages m : List.of(EN, ES)) {
            String text = all(m, d);
            for (String v : c.mustName()) assertThat(text).as("%s names %s", m.locale(), v).contains(v);
        }
        if (d.error() != null) {
            // The raw code is always shown.
            assertThat(render(EN, d.evidence().get(0))).contains(d.error().code());
        }
    }

    @Test
    void everyCauseIsInTheTable() {
        EnumSet<Cause> covered = EnumSet.noneOf(Cause.class);
        cases().forEach(c -> covered.add(c.cause()));
        assertThat(EnumSet.complementOf(covered)).isEmpty();
    }

    @Test
    void errorsOfTheCurrentResizeAreNotStale() {
        var pool = DiagnosisExamples.pool(DiagnosisExamples.allocationFailed());
        assertThat(Diagnoser.isStale(pool, Instant.parse("2025-06-01T09:59:00Z"))).isFalse();
        assertThat(Diagnoser.isStale(pool, Instant.parse("2025-06-01T10:00:01Z"))).isTrue();
        assertThat(Diagnoser.isStale(pool, null)).isFalse();
    }

    @Test
    void providerErrorIsMaskedAndShown() {
        ResizeError e = DiagnosisExamples.withProvider("{\"error\":{\"code\":\"Conflict\",\"message\":\"token Bearer abc.def.ghi\"}}");
        var d = Diagnoser.diagnose(DiagnosisExamples.ev(DiagnosisExamples.pool(e))).get(0);
        String text = all(EN, d);
        assertThat(text).contains("Conflict").doesNotContain("abc.def.ghi");
    }

    @Test
    void noErrorsNoDiagnoses() {
        assertThat(Diagnoser.diagnose(DiagnosisExamples.ev(DiagnosisExamples.pool()))).isEmpty();
    }
}
