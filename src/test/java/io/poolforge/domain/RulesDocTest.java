package io.poolforge.domain;

import io.poolforge.domain.diagnose.Cause;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.diagnose.DiagnosisExamples;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.domain.rules.RuleDocExamples;
import io.poolforge.domain.rules.Violation;
import io.poolforge.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/RULES.md is generated from RuleCode, Cause and the example tables, so it stays true.
 * Regenerate with {@code mvn ... test -Dtest=RulesDocTest -Dpf.writeRulesDoc=true}; otherwise the
 * test fails when the file differs from the code.
 */
class RulesDocTest {
    static final Path DOC = Path.of("docs", "RULES.md");

    @Test
    void rulesDocMatchesTheCode() throws IOException {
        String expected = generate();
        if (Boolean.getBoolean("pf.writeRulesDoc")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static String generate() {
        Messages en = new Messages(Locale.ENGLISH);
        Messages es = new Messages(new Locale("es"));
        Map<RuleCode, Violation> examples = RuleDocExamples.examples();
        StringBuilder sb = new StringBuilder();
        sb.append("# Rules and diagnoses\n\n")
                .append("Generated from `io.poolforge.domain.rules.RuleCode`, `io.poolforge.domain.diagnose.Cause` and the test tables ")
                .append("by `RulesDocTest` (regenerate: `mvn -B -q -Dpf.buildDir=target-rules test -Dtest=RulesDocTest -Dpf.writeRulesDoc=true`). ")
                .append("Do not edit by hand.\n\n")
                .append("Severity: **ERROR** blocks the step, **WARNING** informs, **INFO** is advice. ")
                .append("Where the Azure pages disagree the newer one wins and the message says so: third-party base images with a ")
                .append("purchase plan (banned in the 2019 managed-image page, allowed by the 2024 gallery page when the image ")
                .append("definition carries the plan), managed images as pool sources (retired after 31 March 2026), ")
                .append("custom-image pool size (2,500 dedicated in the managed-image page, 2,000 in the quota page: the lower is the error).\n\n")
                .append("## Rules\n\n")
                .append("| Code | Severity | Message key | Source | Example (English) | Example (Spanish) |\n")
                .append("|---|---|---|---|---|---|\n");
        for (RuleCode c : RuleCode.values()) {
            Violation v = examples.get(c);
            assertThat(v).as("example for %s", c).isNotNull();
            sb.append("| `").append(c.name()).append("` | ").append(c.severity()).append(" | `").append(c.key()).append("` | ")
                    .append(c.source()).append(" | ").append(cell(en.get(v.messageKey(), v.argsArray()))).append(" | ")
                    .append(cell(es.get(v.messageKey(), v.argsArray()))).append(" |\n");
        }
        sb.append("\n## Diagnoses of resize errors\n\n")
                .append("| Cause | Action | Source | Example cause and remedy (English) | Example cause and remedy (Spanish) |\n")
                .append("|---|---|---|---|---|\n");
        Map<Cause, Diagnosis> diag = new LinkedHashMap<>();
        for (DiagnosisExamples.Case c : DiagnosisExamples.cases()) {
            Diagnoser.diagnose(c.evidence()).stream().filter(d -> d.cause() == c.cause()).findFirst()
                    .ifPresent(d -> diag.putIfAbsent(c.cause(), d));
        }
        for (Cause c : Cause.values()) {
            Diagnosis d = diag.get(c);
            assertThat(d).as("example for %s", c).isNotNull();
            sb.append("| `").append(c.name()).append("` | `").append(c.defaultAction().name()).append("` | ")
                    .append(c.source()).append(" | ")
                    .append(cell(en.get(d.causeText().key(), d.causeText().argsArray()) + " " + en.get(d.remedy().key(), d.remedy().argsArray())))
                    .append(" | ")
                    .append(cell(es.get(d.causeText().key(), d.causeText().argsArray()) + " " + es.get(d.remedy().key(), d.remedy().argsArray())))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
