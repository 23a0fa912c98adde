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
                .append("Each rule carries its evidence (PF-18), kept in one place (`io.poolforge.domain.rules.Sources`, given to each ")
                .append("`RuleCode`): the page or REST definition, the sentence it rests on, quoted, and the day it was last read against ")
                .append("that page. Where two Microsoft texts disagree, the note says which one the rule follows and why (the newer one, ")
                .append("unless said otherwise). A rule marked \"no Microsoft sentence\" is PoolForge's own advice; its note says why. ")
                .append("`RulesHaveEvidenceTest` fails on a rule (or a sandbox enforcement) without a source, a sentence or a date.\n\n")
                .append("## Rules\n\n")
                .append("| Code | Severity | Message key | Source | Sentence it rests on | Read | Note | Example (English) | Example (Spanish) |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (RuleCode c : RuleCode.values()) {
            Violation v = examples.get(c);
            assertThat(v).as("example for %s", c).isNotNull();
            var ev = c.evidence();
            sb.append("| `").append(c.name()).append("` | ").append(c.severity()).append(" | `").append(c.key()).append("` | ")
                    .append(ev.url()).append(" | ").append(cell(ev.quotesMicrosoft() ? "\u201c" + ev.quote() + "\u201d" : ev.quote()))
                    .append(" | ").append(ev.checked()).append(" | ").append(cell(ev.note() == null ? "" : ev.note())).append(" | ")
                    .append(cell(en.get(v.messageKey(), v.argsArray()))).append(" | ")
                    .append(cell(es.get(v.messageKey(), v.argsArray()))).append(" |\n");
        }
        sb.append("\n## What the sandbox enforces\n\n")
                .append("The sandbox stands in for Azure and keeps its own register (`io.poolforge.sandbox.batch.engine.Enforcement`), ")
                .append("each entry with the page and sentence it follows.\n\n")
                .append("| Enforcement | Source | Sentence it rests on | Read |\n|---|---|---|---|\n");
        for (io.poolforge.sandbox.batch.engine.Enforcement e : io.poolforge.sandbox.batch.engine.Enforcement.values()) {
            sb.append("| `").append(e.name()).append("` | ").append(e.source()).append(" | \u201c").append(cell(e.quote()))
                    .append("\u201d | ").append(e.checked()).append(" |\n");
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
