package io.poolforge.domain.rules;

import io.poolforge.sandbox.batch.engine.Enforcement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PF-18: every rule code and every sandbox enforcement names its source, the sentence it rests on and the day it was
 * last read; a rule without them (or a sandbox refusal that does not name its enforcement) fails here.
 */
class RulesHaveEvidenceTest {
    static final LocalDate READ = LocalDate.of(2026, 12, 7);

    @ParameterizedTest(name = "{0}")
    @EnumSource(RuleCode.class)
    void everyRuleHasASourceASentenceAndADate(RuleCode code) {
        Evidence e = code.evidence();
        assertThat(e).as("%s has evidence", code).isNotNull();
        assertThat(e.url()).as("%s source", code).matches("https://(learn\\.microsoft\\.com|github\\.com/Azure/azure-rest-api-specs)/.+");
        assertThat(e.quote()).as("%s sentence", code).isNotBlank().hasSizeLessThan(400);
        assertThat(e.checked()).as("%s date read", code).isEqualTo(READ);
        if (!e.quotesMicrosoft()) {
            assertThat(e.note()).as("%s is PoolForge's own advice: the note must say why", code).isNotBlank();
        }
        assertThat(code.source()).isEqualTo(e.url());
        assertThat(Violation.of(code).source()).isEqualTo(e.url());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Enforcement.class)
    void everySandboxEnforcementHasASourceASentenceAndADate(Enforcement rule) {
        assertThat(rule.source()).as("%s source", rule).isNotBlank();
        assertThat(rule.quote()).as("%s sentence", rule).isNotBlank().hasSizeLessThan(400);
        assertThat(rule.checked()).as("%s date read", rule).isEqualTo(READ);
        if (rule.name().startsWith("SANDBOX_")) {
            assertThat(rule.source()).as("a limit of the emulator points at its own docs").startsWith("docs/");
        } else {
            assertThat(rule.source()).startsWith("https://");
        }
    }

    @Test
    void theSandboxRefusesAndFailsOnlyThroughAnEnforcement() throws Exception {
        // PoolRules.invalid/error take an Enforcement (the compiler checks the calls); no sandbox file may build the
        // service's 400 for a pool rule by hand around them.
        List<String> offenders = new ArrayList<>();
        Pattern raw = Pattern.compile("PoolRules\\.invalid\\(\\s*\"|[^.\\w]invalid\\(\\s*\"|[^.\\w]error\\(\\s*\"");
        for (Path dir : List.of(Path.of("src/main/java/io/poolforge/sandbox/batch/engine"),
                Path.of("src/main/java/io/poolforge/sandbox/batch/management"))) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = raw.matcher(Files.readString(f));
                    while (m.find()) offenders.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void evidenceCannotBeLeftOut() {
        assertThatThrownBy(() -> Evidence.of("https://learn.microsoft.com/x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Evidence.ownAdvice("https://learn.microsoft.com/x", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theRulesPf18ChangedQuoteWhatTheyFollow() {
        assertThat(RuleCode.POOL_DEDICATED_LIMIT.evidence().quote()).contains("pool created with a managed image resource");
        assertThat(RuleCode.POOL_LOW_PRIORITY_LIMIT.evidence().quote()).contains("Spot nodes | 1000");
        Evidence spot = RuleCode.POOL_SPOT_NODES_BATCH_SERVICE.evidence();
        assertThat(spot.url()).endsWith("/azure/batch/batch-spot-vms");
        assertThat(spot.note()).contains("14 April 2026", "Spot VMs are available only in user subscription pool allocation Batch accounts",
                "the newer text wins");
        assertThat(RuleCode.QUOTA_LOW_PRIORITY_CORES.evidence().quote()).startsWith("For Spot nodes, Batch enforces only a total core quota");
        assertThat(RuleCode.IMAGE_SOURCE_NOT_SYSPREPPED.evidence().quote()).contains("Sysprep");
        assertThat(RuleCode.IMAGE_SOURCE_NOT_DEPROVISIONED.evidence().quote()).contains("+user");
        assertThat(RuleCode.NODE_AGENT_END_OF_LIFE.evidence().note()).contains("90 days");
        assertThat(RuleCode.IMAGE_LATEST_VERSION.evidence().quote()).contains("latest version of the Image Definition won't use");
    }
}
