package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.plan.TestPlans;
import io.poolforge.sandbox.Sandbox;
import io.poolforge.sandbox.arm.compute.ComputePayloads;
import io.poolforge.sandbox.scenarios.Scenarios;
import io.poolforge.sandbox.state.Ids;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF-18, through the commands a user types: the managed-image node cap no longer refuses gallery pools (a 3,000-node
 * gallery plan with 10 replicas validates and runs in the sandbox, given quota), still refuses managed-image pools
 * over 2,000 nodes; Spot nodes on a Batch-service account are named and allocated as the cited text says; a Windows
 * plan whose VM is not confirmed as generalized is refused with the Sysprep remedy in English and Spanish.
 */
class RuleEvidenceCommandsTest {
    @TempDir
    Path home;

    private Path write(String name, ObjectNode plan) throws Exception {
        Path f = home.resolve(name);
        Files.writeString(f, plan.toString());
        return f;
    }

    /** The demo gallery plan moved to the "large" scenario: vm-golden-ubuntu2204, pflargebatch (8,000 dedicated cores). */
    private static ObjectNode galleryPlanOnTheLargeAccount(int dedicated, int replicas) {
        String sub = Scenarios.SUB_PROD;
        String vmId = Ids.res(sub, "rg-images", "Microsoft.Compute/virtualMachines", "vm-golden-ubuntu2204");
        String osDisk = Ids.res(sub, "rg-images", "Microsoft.Compute/disks",
                "vm-golden-ubuntu2204_OsDisk_1_" + ComputePayloads.uuid(vmId).replace("-", "").substring(0, 32));
        ObjectNode t = TestPlans.tree(TestPlans.GALLERY);
        t = TestPlans.edit(t, "/source/vmId", vmId);
        t = TestPlans.edit(t, "/source/vmName", "vm-golden-ubuntu2204");
        t = TestPlans.edit(t, "/snapshots/osDisk/diskId", osDisk);
        t = TestPlans.edit(t, "/snapshots/osDisk/snapshotName", "snap-golden-os");
        t = TestPlans.edit(t, "/image/gallery/imageDefinition", "golden-ubuntu2204");
        t = TestPlans.edit(t, "/image/gallery/sku", "golden-ubuntu2204-gen2");
        t = TestPlans.edit(t, "/image/gallery/targetRegions/0/replicaCount", IntNode.valueOf(replicas));
        t = TestPlans.edit(t, "/pool/batchAccount/name", "pflargebatch");
        t = TestPlans.edit(t, "/pool/poolId", "render-3000");
        t = TestPlans.edit(t, "/pool/targetDedicatedNodes", IntNode.valueOf(dedicated));
        return TestPlans.edit(t, "/pool/resizeTimeout", "PT45M");
    }

    @Test
    void aThreeThousandNodeGalleryPlanWithTenReplicasValidatesAndRunsInTheSandbox() throws Exception {
        Path plan = write("gallery-3000.json", galleryPlanOnTheLargeAccount(3000, 10));

        Cli.Result offline = Cli.run(home, "validate", plan.toString(), "--lang", "en");
        assertThat(offline.code()).as(offline.out() + offline.err()).isEqualTo(ExitCodes.OK);
        assertThat(offline.out()).doesNotContain("POOL_DEDICATED_LIMIT").doesNotContain("IMAGE_TOO_FEW_REPLICAS");

        try (Sandbox sandbox = Sandbox.builder().scenario("large").timeScale(0).certificateDirectory(home.resolve("certs")).start()) {
            Path endpoints = home.resolve("endpoints.json");
            Files.writeString(endpoints, sandbox.endpointsJson());
            Cli.Result online = Cli.run(home, "validate", plan.toString(), "--online", "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
            assertThat(online.code()).as(online.out() + online.err()).isEqualTo(ExitCodes.OK);
            assertThat(online.out()).doesNotContain("POOL_DEDICATED_LIMIT").contains("RESIZE_IN_STEPS");

            Cli.Result run = Cli.run(home, "run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
            assertThat(run.out() + run.err()).contains("render-3000").contains("dedicated nodes 3,000 of 3,000").doesNotContain("AllocationFailed");
        }
    }

    @Test
    void aManagedImagePoolOverTwoThousandNodesIsStillRefused() throws Exception {
        ObjectNode t = TestPlans.edit(TestPlans.tree(TestPlans.MANAGED), "/pool/targetDedicatedNodes", IntNode.valueOf(2100));
        t = TestPlans.edit(t, "/pool/targetLowPriorityNodes", IntNode.valueOf(0));
        Cli.Result r = Cli.run(home, "validate", write("managed-2100.json", t).toString(), "--lang", "en");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(r.out()).contains("ERROR POOL_DEDICATED_LIMIT", "2,100", "a pool created with a managed image allows at most 2,000");

        // The same 2,100 nodes on a gallery image: not this rule's business any more.
        ObjectNode g = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetDedicatedNodes", IntNode.valueOf(2100));
        Cli.Result gallery = Cli.run(home, "validate", write("gallery-2100.json", g).toString(), "--lang", "en");
        assertThat(gallery.out()).doesNotContain("POOL_DEDICATED_LIMIT");
    }

    @Test
    void spotNodesOnABatchServiceAccountAreNamedAndAllocatedAsSpot() throws Exception {
        // pfdemobatchweu is a Batch-service account with 24 Spot cores: 4 × Standard_D2s_v3 = 8 cores.
        ObjectNode t = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetLowPriorityNodes", IntNode.valueOf(4));
        t = TestPlans.edit(t, "/pool/poolId", "render-spot");
        Path plan = write("spot.json", t);
        try (Sandbox sandbox = Sandbox.builder().timeScale(0).certificateDirectory(home.resolve("certs")).start()) {
            Path endpoints = home.resolve("endpoints.json");
            Files.writeString(endpoints, sandbox.endpointsJson());
            Cli.Result run = Cli.run(home, "run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
            // batch-spot-vms (14 April 2026): "Batch pools can contain both dedicated VMs and Spot VMs"; the quota page: "For
            // Spot nodes, Batch enforces only a total core quota for the Batch account".
            assertThat(run.err()).contains("INFO POOL_SPOT_NODES_BATCH_SERVICE", "are Spot nodes", "Spot core quota");
            assertThat(run.out() + run.err()).contains("Spot nodes 4 of 4");
        }
    }

    @Test
    void aWindowsPlanWhoseVmIsNotMarkedGeneralizedIsRefusedWithTheSyspreRemedyInEnglishAndSpanish() throws Exception {
        ObjectNode t = TestPlans.tree(TestPlans.GALLERY);
        t = TestPlans.edit(t, "/source/osType", "Windows");
        t = TestPlans.edit(t, "/image/osType", "Windows");
        t = TestPlans.edit(t, "/pool/nodeAgentSkuId", "batch.node.windows amd64");
        t = TestPlans.edit(t, "/source/generalized", BooleanNode.FALSE);
        Path plan = write("windows.json", t);

        Cli.Result en = Cli.run(home, "validate", plan.toString(), "--lang", "en");
        assertThat(en.code()).as(en.out() + en.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(en.out()).contains("ERROR IMAGE_SOURCE_NOT_SYSPREPPED", "vm-render-ubuntu2204", "Run Sysprep in the VM",
                "sysprep.exe /generalize /oobe /shutdown", "az vm generalize");
        Cli.Result es = Cli.run(home, "validate", plan.toString(), "--lang", "es");
        assertThat(es.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(es.out()).contains("ERROR IMAGE_SOURCE_NOT_SYSPREPPED", "Ejecute Sysprep en la máquina virtual",
                "sysprep.exe /generalize /oobe /shutdown", "no consta como generalizada");

        // Confirmed as sysprepped (source.generalized true): the rule is satisfied.
        Cli.Result ok = Cli.run(home, "validate", write("windows-ok.json", TestPlans.edit(t, "/source/generalized", BooleanNode.TRUE)).toString(),
                "--lang", "en");
        assertThat(ok.out()).doesNotContain("IMAGE_SOURCE_NOT_SYSPREPPED");

        // A Linux plan without the confirmation: a warning that says what waagent -deprovision+user does, not a refusal.
        Cli.Result linux = Cli.run(home, "validate", write("linux.json", TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/source/generalized",
                BooleanNode.FALSE)).toString(), "--lang", "en");
        assertThat(linux.code()).isEqualTo(ExitCodes.OK);
        assertThat(linux.out()).contains("WARNING IMAGE_SOURCE_NOT_DEPROVISIONED", "sudo waagent -deprovision+user", "SSH host keys");
    }
}
