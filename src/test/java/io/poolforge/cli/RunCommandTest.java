package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.plan.TestPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.poolforge.cli.Cli.Result;

/**
 * {@code poolforge run} in this JVM: option checks, plan errors, a failing step, in an in-process
 * sandbox ({@code --sandbox}, time scale 0, a fresh one per command). Whole runs killed and resumed
 * are in {@link RunKillResumeTest}.
 */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    Result run(String... args) {
        return Cli.run(home, args);
    }

    @Test
    void optionCombinationsAreUsageErrors() {
        String plan = TestPlans.GALLERY.toString();
        Result both = run("run", plan, "--resume", "--clean-up", "--lang", "en");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("Use --resume or --clean-up, not both.");
        assertThat(run("run", plan, "--run-id", "20260101-000000-abcd", "--lang", "en").err())
                .contains("--run-id needs --resume or --clean-up.");
        assertThat(run("run", plan, "--resume", "--run-id", "yesterday", "--lang", "en").err()).contains("\"yesterday\" is not a run id");
        assertThat(run("run", plan, "--sandbox", "--tenant", "contoso.onmicrosoft.com", "--lang", "en").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("run", "--lang", "en").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMissingPlanIsUsageAndAPlanWithErrorsIsNotRun() throws Exception {
        Result missing = run("run", home.resolve("nope.json").toString(), "--sandbox", "--lang", "en");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);

        Path bad = home.resolve("bad.json");
        Files.writeString(bad, TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/poolId", "render pool").toString());
        Result r = run("run", bad.toString(), "--sandbox", "--lang", "en");
        assertThat(r.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(r.err()).contains("POOL_ID_INVALID", "has errors, so it was not run");
        assertThat(home.resolve("runs")).doesNotExist();
    }

    @Test
    void nothingToResumeOrCleanUp() {
        String plan = TestPlans.GALLERY.toString();
        Result resume = run("run", plan, "--resume", "--sandbox", "--lang", "en");
        assertThat(resume.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(resume.err()).contains("No unfinished run of " + plan + " to resume.");
        Result cleanUp = run("run", plan, "--clean-up", "--sandbox", "--lang", "en");
        assertThat(cleanUp.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cleanUp.err()).contains("No run of " + plan + " to clean up.");
        Result noRun = run("run", plan, "--resume", "--run-id", "20260101-000000-abcd", "--sandbox", "--lang", "en");
        assertThat(noRun.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRun.err()).contains("There is no run 20260101-000000-abcd");
    }

    @Test
    void aFailingStepIsAnAzureErrorAndLeavesTheRunResumable() throws Exception {
        // An OS disk the sandbox does not have: the snapshot step fails (NotFound).
        Path file = home.resolve("missing-disk.json");
        Files.writeString(file, TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/snapshots/osDisk/diskId",
                "/subscriptions/5a4db0c0-0000-4000-8000-0000000000a1/resourceGroups/rg-render/providers/Microsoft.Compute/disks/no-such-disk")
                .toString());
        String plan = file.toString();
        Result r = run("run", plan, "--sandbox", "--lang", "en", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.AZURE_ERROR);
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.get("status").asText()).isEqualTo("failed");
        assertThat(n.at("/steps/0/status").asText()).isEqualTo("FAILED");
        assertThat(n.at("/steps/0/errorCode").asText()).isEqualTo("NotFound");
        // The message names what is missing (the source disk), not the snapshot that was to be made.
        assertThat(n.at("/error/key").asText()).isEqualTo("azure.error.notFoundOther");
        assertThat(n.at("/error/message").asText()).contains("no-such-disk").doesNotContain("snap-render-ubuntu2204-os was not found");
        assertThat(r.err()).contains("[1/5] snapshot-os snap-render-ubuntu2204-os: started",
                "[1/5] snapshot-os snap-render-ubuntu2204-os: failed (NotFound)", "--resume");
        assertThat(n.get("created")).isEmpty();

        // The run is waiting: a new start is refused; a clean-up has nothing to delete and retires the run.
        assertThat(run("run", plan, "--sandbox", "--lang", "en").code()).isEqualTo(ExitCodes.USAGE);
        Result cleanUp = run("run", plan, "--clean-up", "--sandbox", "--lang", "en");
        assertThat(cleanUp.code()).as(cleanUp.err()).isEqualTo(ExitCodes.OK);
        assertThat(cleanUp.err()).contains("created nothing");
        assertThat(run("run", plan, "--resume", "--sandbox", "--lang", "en").code()).isEqualTo(ExitCodes.USAGE);
    }
}
