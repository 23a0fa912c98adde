package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.sandbox.RequestLogs;
import io.poolforge.sandbox.Sandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The request budget of a whole sandbox run (DESIGN.md, "Performance budgets": at most 40 requests) kept after PF-16's
 * second pass, which reads Marketplace images' generations from Compute: {@code poolforge run} of the demo plans, counted
 * from the sandbox's request log. The VM's base image (canonical jammy 22_04-lts-gen2) is listed by Batch itself, so the
 * node agent needs no generation and no Compute image is read; a Marketplace pool reads its own image's generation once
 * ("latest": the list with $top=1, then the version).
 */
class RunRequestBudgetTest {
    static final int BUDGET = 40;

    @TempDir
    Path home;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Sandbox sandbox;
    private Path endpoints;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().timeScale(0).certificateDirectory(home.resolve("certs")).requestLog(log::add).start();
        endpoints = home.resolve("endpoints.json");
        Files.writeString(endpoints, sandbox.endpointsJson());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private int run(String plan) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand(() -> {
            throw new AssertionError("the desktop must not open");
        }, home));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("run", plan, "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        return code;
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
