package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.plan.TestPlans;
import io.poolforge.sandbox.RequestLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * PF-8: {@code poolforge run} (through the CLI entry point) applies the VM, image, pool and quota rules against the
 * account itself before anything is created. The sandbox runs in this JVM with a request log, and the command talks
 * to it through {@code --sandbox-endpoints}, so the test sees every request the run made and the sandbox's state.
 */
class PreflightRunCommandTest extends SandboxCliTest {
    private static final String SUB = "5a4db0c0-0000-4000-8000-0000000000a1";

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand(() -> {
            throw new AssertionError("the desktop must not open");
        }, home));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path write(String name, ObjectNode plan) throws Exception {
        Path f = home.resolve(name);
        Files.writeString(f, plan.toString());
        return f;
    }

    /** Requests that change something in Azure (anything but reads and token requests). */
    private List<String> writes() {
        return RequestLogs.settled(log).stream().filter(l -> !method(l).equals("GET") && !l.contains("/oauth2/")).toList();
    }

    /** A log line is "TIME METHOD PATH STATUS DURATION". */
    private static String method(String line) {
        String[] p = line.split(" ");
        return p.length > 1 ? p[1] : "";
    }

    @Test
    void aPlanThatExceedsTheRemainingDedicatedCoresIsRefusedAndCreatesNothing() throws Exception {
        // 20 × Standard_D2s_v3 = 40 dedicated cores. The account's quota is 48, so against an empty account it would
        // fit; its pools already hold 10 (render-gallery 2 × 4, legacy-managed-image 1 × 2), leaving 38.
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetDedicatedNodes", IntNode.valueOf(20));
        Path plan = write("too-many-cores.json", tree);
        assertThat(run("validate", plan.toString(), "--lang", "en").code()).as("offline it looks fine").isEqualTo(ExitCodes.OK);
        Map<String, Integer> before = sandbox.counts();
        log.clear();

        Result r = run("run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(r.err()).contains("ERROR QUOTA_DEDICATED_CORES", "40", "10", "48", "breaks Azure rules (the error above)",
                "so nothing was created");
        assertThat(writes()).as("no PUT, PATCH, POST or DELETE reached the sandbox").isEmpty();
        assertThat(RequestLogs.settled(log)).anyMatch(l -> method(l).equals("GET") && l.contains("/batchAccounts/pfdemobatchweu/pools"));
        assertThat(sandbox.counts()).isEqualTo(before);
        assertThat(runFolders(home)).as("no run folder, nothing to resume").isEmpty();

        // The same plan through validate --online: the same finding, the same exit code.
        Result online = run("validate", plan.toString(), "--online", "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(online.code()).as(online.out() + online.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(online.out()).contains("ERROR QUOTA_DEDICATED_CORES");

        // 19 nodes (38 cores) fit exactly and the run completes.
        Path fits = write("fits.json", TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetDedicatedNodes", IntNode.valueOf(19)));
        Result ok = run("run", fits.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(ok.code()).as(ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(ok.err()).contains("INFO QUOTA_HEADROOM").doesNotContain("QUOTA_DEDICATED_CORES");
    }

    @Test
    void aPlanBreakingVmImagePoolAndQuotaRulesCreatesNothingAndNamesEveryRule() throws Exception {
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        // VM: vm-with-extension has an extension installed (and is Windows, while the plan says Linux: the image rule
        // sees the truth); pool: render-gallery is taken; quota: 12 × Standard_D4s_v5 = 48 cores, 38 left, DSv5 24 left.
        tree = TestPlans.edit(tree, "/source/vmId", "/subscriptions/" + SUB
                + "/resourceGroups/rg-render/providers/Microsoft.Compute/virtualMachines/vm-with-extension");
        tree = TestPlans.edit(tree, "/source/vmName", "vm-with-extension");
        tree = TestPlans.edit(tree, "/pool/poolId", "render-gallery");
        tree = TestPlans.edit(tree, "/pool/vmSize", "Standard_D4s_v5");
        tree = TestPlans.edit(tree, "/pool/targetDedicatedNodes", IntNode.valueOf(12));
        Path plan = write("breaks-everything.json", tree);
        assertThat(run("validate", plan.toString(), "--lang", "en").code()).isEqualTo(ExitCodes.OK);
        Map<String, Integer> before = sandbox.counts();
        log.clear();

        Result r = run("run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(r.err()).contains("ERROR VM_EXTENSIONS_INSTALLED", "ERROR IMAGE_OS_TYPE_MISMATCH", "ERROR POOL_ID_TAKEN",
                "ERROR QUOTA_DEDICATED_CORES", "ERROR QUOTA_FAMILY_CORES");
        assertThat(r.err()).contains("ERROR VM_EXTENSIONS_INSTALLED: ", "ERROR IMAGE_OS_TYPE_MISMATCH: ", "the 5 errors above"); // PF-22: codes in their own position
        assertThat(writes()).isEmpty();
        assertThat(sandbox.counts()).isEqualTo(before);
        assertThat(runFolders(home)).isEmpty();
    }

    /** The run folders under runs/ (the lock files of PF-9 live in runs/.locks and are not runs). */
    private static java.util.List<java.nio.file.Path> runFolders(java.nio.file.Path home) throws java.io.IOException {
        java.nio.file.Path runs = home.resolve("runs");
        if (!java.nio.file.Files.isDirectory(runs)) return java.util.List.of();
        try (var s = java.nio.file.Files.list(runs)) {
            return s.filter(p -> !p.getFileName().toString().equals(io.poolforge.run.JournalStore.LOCKS_DIR)).toList();
        }
    }
}
