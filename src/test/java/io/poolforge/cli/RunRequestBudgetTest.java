package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.sandbox.RequestLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request budget of a whole sandbox run (DESIGN.md, "Performance budgets": at most 40 requests) kept after PF-16's
 * second pass, which reads Marketplace images' generations from Compute: {@code poolforge run} of the demo plans, counted
 * from the sandbox's request log. The VM's base image (canonical jammy 22_04-lts-gen2) is listed by Batch itself, so the
 * node agent needs no generation and no Compute image is read; a Marketplace pool reads its own image's generation once
 * ("latest": the list with $top=1, then the version). And the generation it reads decides the size check on the
 * command line as it does in the wizard.
 */
class RunRequestBudgetTest extends SandboxCliTest {
    static final int BUDGET = 40;

    /** Through {@link Cli#run}, so {@code UserWordsTest} scans these outputs too. */
    private Cli.Result cli(String... args) {
        return Cli.run(home, args);
    }

    /**
     * PF-16 second pass, every entry point: {@code validate --online} and {@code run} check a Marketplace pool's size against
     * the generation Compute reports. ubuntu-24_04-lts {@code server} (Gen2, no "gen2" in the name) on Standard_A2_v2
     * (Generation 1 only) is refused before anything is created; the name guess called it Gen1 and let it through.
     */
    @Test
    void aMarketplaceImageReportedV2IsRefusedOnAGen1SizeByValidateAndRun() throws Exception {
        var tree = io.poolforge.plan.TestPlans.tree(Path.of("docs/examples/marketplace-ubuntu2204.json"));
        tree = io.poolforge.plan.TestPlans.edit(tree, "/pool/marketplaceImage/offer", "ubuntu-24_04-lts");
        tree = io.poolforge.plan.TestPlans.edit(tree, "/pool/marketplaceImage/sku", "server");
        tree = io.poolforge.plan.TestPlans.edit(tree, "/pool/nodeAgentSkuId", "batch.node.ubuntu 24.04");
        tree = io.poolforge.plan.TestPlans.edit(tree, "/pool/vmSize", "Standard_A2_v2");
        Path plan = home.resolve("noble-on-a2.json");
        Files.writeString(plan, tree.toString());
        Cli.Result online = cli("validate", plan.toString(), "--online", "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(online.code()).as(online.out() + online.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(online.out()).contains("VM_SIZE_GENERATION").contains("Standard_A2_v2");
        Cli.Result run = cli("run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "es");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(run.err()).contains("VM_SIZE_GENERATION");
        assertThat(RequestLogs.settled(log)).noneMatch(l -> l.contains("/pools/market-ubuntu2204") && !l.contains(" GET "));
    }

    private int run(String plan) {
        Cli.Result r = cli("run", plan, "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        return r.code();
    }

    @Test
    void theDemoGalleryPlanStaysWithinTheBudgetAndReadsNoMarketplaceImage() {
        log.clear();
        run("docs/examples/vm-render-ubuntu2204-gallery.json");
        List<String> requests = RequestLogs.settled(log);
        assertThat(requests.size()).as(String.join("\n", requests)).isLessThanOrEqualTo(BUDGET);
        assertThat(requests).noneMatch(l -> l.contains("/artifacttypes/vmimage/"));
    }

    @Test
    void aMarketplacePlanReadsItsImageOnceAndStaysWithinTheBudget() {
        log.clear();
        run("docs/examples/marketplace-ubuntu2204.json");
        List<String> requests = RequestLogs.settled(log);
        assertThat(requests.size()).as(String.join("\n", requests)).isLessThanOrEqualTo(BUDGET);
        assertThat(requests.stream().filter(l -> l.contains("/artifacttypes/vmimage/")).toList()).hasSize(2);
    }
}
