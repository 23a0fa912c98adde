package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.i18n.Messages;
import io.poolforge.run.StepKind;
import io.poolforge.run.StepRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * PF-22: while Azure is slow, the run says at least every 15 s what it waits for and for how long (it used to be
 * silent for about 250 s between "started" and the end); a failed step without an Azure code never shows "(null)".
 * The heartbeat's tick is driven with explicit instants (no sleeping, no timing asserts).
 */
class RunProgressTest {
    private final StringWriter text = new StringWriter();
    private final Instant t0 = Instant.parse("2026-12-07T07:00:00Z");
    private final StepRecord step = StepRecord.pending("image-version", StepKind.IMAGE_VERSION, "1.0.0",
            "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d/versions/1.0.0", "req");

    private RunProgress progress(String lang) {
        return new RunProgress(new Messages(Locale.forLanguageTag(lang)), new PrintWriter(text, true), false, null, () -> false);
    }

    @Test
    void aSlowStepGetsALineAtLeastEveryFifteenSecondsSayingWhatAndHowLong() {
        try (RunProgress p = progress("en")) {
            p.waitingOn(step, 3, 5, t0);
            p.tick(t0.plusSeconds(10));
            assertThat(text.toString()).isEmpty();
            p.tick(t0.plusSeconds(15));
            p.stepProgress(step, "Creating", 40);
            p.tick(t0.plusSeconds(30));
            p.tick(t0.plusSeconds(250));
            String[] lines = text.toString().split("\\R");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).startsWith("[4/5] image-version 1.0.0: still waiting for Azure to finish it (")
                    .contains("Azure's last state: not reported yet");
            assertThat(lines[1]).contains("Azure's last state: Creating");
            assertThat(lines[2]).contains("(4 min so far").as("what it waits for and for how long");
            p.stepFinished(step.started(t0).succeeded(t0.plusSeconds(260), step.resourceId(), true), 3, 5);
            int after = text.toString().split("\\R").length;
            p.tick(t0.plusSeconds(300));
            assertThat(text.toString().split("\\R")).hasSize(after);
        }
        assertThat(RunProgress.HEARTBEAT).isLessThanOrEqualTo(java.time.Duration.ofSeconds(15));
    }

    @Test
    void aFailedStepWithoutAzureCodeNeverShowsNull() {
        for (String lang : new String[] {"en", "es"}) {
            try (RunProgress p = progress(lang)) {
                p.stepFinished(step.started(t0).failed(t0, null, "boom"), 3, 5);
            }
        }
        assertThat(text.toString()).doesNotContain("null").contains("Azure gave no error code", "Azure no dio ningún código de error");
    }
}
