package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.LogUpload;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.nodes.ComputeNode;
import io.poolforge.domain.nodes.NodeCause;
import io.poolforge.domain.nodes.NodeDiagnoser;
import io.poolforge.domain.nodes.NodeErrorGroup;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's "nodes" scenario through the app's own adapters (azure-core over HTTPS, bearer tokens): mixed node
 * states with grouped, diagnosed errors; node files; reboot, remove nodes and the log upload change the sandbox.
 */
class NodesSandboxTest {
    static final String POOL = "render-custom-nodes";
    AdapterSandbox sb;
    BatchAccountInfo weu;
    BatchGateway batch;

    @BeforeEach
    void start() {
        sb = AdapterSandbox.start("nodes", b -> b);
        weu = sb.account("pfdemobatchweu");
        batch = sb.batch();
    }

    @AfterEach
    void stop() throws Exception {
        sb.close();
    }

    @Test
    void mixedNodeStatesGroupIntoDiagnosedErrors() {
        List<ComputeNode> nodes = batch.computeNodes(weu, POOL, null);
        assertThat(nodes).hasSize(12);
        assertThat(nodes).filteredOn(n -> !n.dedicated()).hasSize(4);
        assertThat(nodes).extracting(ComputeNode::state).containsOnly("idle", "unusable", "startTaskFailed");
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.nodeAgentVersion()).isEqualTo("1.11.19");
            assertThat(n.stateTransitionTime()).isNotNull();
            assertThat(n.vmSize()).isEqualTo("standard_f2s_v2");
        });

        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(nodes);

        // No invented node error code (PF-17): unusable nodes report none, as the documented "Batch is unable to
        // communicate with the VM" case; the start task failures carry their failureInfo codes.
        assertThat(groups).extracting(NodeErrorGroup::cause, NodeErrorGroup::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NodeCause.UNREACHABLE, 5),
                org.assertj.core.groups.Tuple.tuple(NodeCause.START_TASK_FAILED, 2),
                org.assertj.core.groups.Tuple.tuple(NodeCause.START_TASK_FAILED, 1));
        assertThat(nodes).allSatisfy(n -> assertThat(n.errors()).isEmpty());
        NodeErrorGroup start = groups.get(1);
        assertThat(start.exitCode()).isEqualTo(127);
        assertThat(start.code()).isEqualTo("FailureExitCode");
        assertThat(groups.get(2).code()).isEqualTo("BlobAccessDenied");
        assertThat(groups).extracting(NodeErrorGroup::confidence).containsOnly(io.poolforge.domain.diagnose.Confidence.CONFIRMED);

        // $filter on state, as the data plane offers it
        assertThat(batch.computeNodes(weu, POOL, "startTaskFailed")).hasSize(3).allMatch(ComputeNode::startTaskFailed);
    }

    @Test
    void theStartTaskStderrTailIsReadFromTheNodeFile() {
        ComputeNode failed = batch.computeNodes(weu, POOL, "startTaskFailed").get(0);
        String tail = batch.nodeFileTail(weu, POOL, failed.id(), "startup/stderr.txt", 200);
        assertThat(tail.length()).isLessThanOrEqualTo(200);
        assertThat(tail).contains("blender: command not found");
        String whole = batch.nodeFileTail(weu, POOL, failed.id(), "startup/stderr.txt", 64 * 1024);
        assertThat(whole).startsWith("setup.sh: step 1 ok");
        assertThat(batch.nodeFileTail(weu, POOL, failed.id(), "startup/nothing.txt", 100)).isEmpty();
    }

    @Test
    void rebootRecoversTheNodeBatchLostContactWithAndRebootsTheOthersIntoTheirState() {
        List<ComputeNode> before = batch.computeNodes(weu, POOL, "unusable");
        assertThat(before).hasSize(5);
        ComputeNode failed = batch.computeNodes(weu, POOL, "startTaskFailed").stream()
                .filter(n -> "FailureExitCode".equals(n.startTaskFailureCode())).findFirst().orElseThrow();

        for (ComputeNode n : before) batch.rebootNode(weu, POOL, n.id(), "requeue");
        batch.rebootNode(weu, POOL, failed.id(), "terminate");

        List<ComputeNode> after = batch.computeNodes(weu, POOL, null);
        List<String> ids = before.stream().map(ComputeNode::id).toList();
        // One of them was only out of touch and recovers; the others stay unusable.
        assertThat(after).filteredOn(n -> ids.contains(n.id())).extracting(ComputeNode::state)
                .containsExactlyInAnyOrder("idle", "unusable", "unusable", "unusable", "unusable");
        assertThat(after).filteredOn(n -> ids.contains(n.id())).allSatisfy(n -> assertThat(n.lastBootTime())
                .isAfter(before.stream().filter(b -> b.id().equals(n.id())).findFirst().orElseThrow().lastBootTime()));
        ComputeNode failedAfter = after.stream().filter(n -> n.id().equals(failed.id())).findFirst().orElseThrow();
        assertThat(failedAfter.state()).isEqualTo("startTaskFailed");
        assertThat(failedAfter.lastBootTime()).isAfter(failed.lastBootTime());
        assertThat(NodeDiagnoser.diagnose(after)).filteredOn(g -> g.cause() == NodeCause.UNREACHABLE)
                .singleElement().extracting(NodeErrorGroup::count).isEqualTo(4);
    }

    @Test
    void removeNodesTakesThemOutOfThePoolAndLowersItsTarget() {
        List<String> bad = batch.computeNodes(weu, POOL, "unusable").stream()
                .filter(ComputeNode::dedicated).map(ComputeNode::id).toList();
        assertThat(bad).hasSize(4);
        int targetBefore = batch.getPool(weu, POOL).orElseThrow().targetDedicatedNodes();

        batch.removeNodes(weu, POOL, bad, "taskcompletion");

        List<ComputeNode> after = batch.computeNodes(weu, POOL, null);
        assertThat(after).hasSize(8).extracting(ComputeNode::id).doesNotContainAnyElementsOf(bad);
        assertThat(batch.getPool(weu, POOL).orElseThrow().targetDedicatedNodes()).isEqualTo(targetBefore - 4);
        assertThatThrownBy(() -> batch.removeNodes(weu, POOL, List.of(bad.get(0)), "requeue")).isInstanceOf(PoolForgeException.class);
    }

    @Test
    void uploadBatchServiceLogsIsRecordedWithoutTheSas() {
        ComputeNode node = batch.computeNodes(weu, POOL, "unusable").get(0);
        String container = "https://stpfsupport.blob.core.windows.net/batch-logs?sv=2022-11-02&sr=c&sp=rwl&sig=TOPSECRETSASSIG";
        Instant since = Instant.parse("2026-01-01T00:00:00Z");

        LogUpload up = batch.uploadNodeLogs(weu, POOL, node.id(), container, since);

        assertThat(up.numberOfFilesUploaded()).isPositive();
        assertThat(up.virtualDirectoryName()).startsWith(POOL + "/" + node.id() + "/");
        assertThat(sb.sandbox.logUploads()).singleElement().asString()
                .contains(POOL, node.id(), "https://stpfsupport.blob.core.windows.net/batch-logs", "2026-01-01T00:00:00Z")
                .doesNotContain("TOPSECRETSASSIG");
        assertThat(sb.log()).noneMatch(l -> l.contains("TOPSECRETSASSIG"));
    }

    @Test
    void theBundleHoldsNoTokenTheSandboxIssuedNorTheSasTheStartTaskPrinted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var pool = batch.getPool(weu, POOL).orElseThrow();
        var contents = io.poolforge.export.DiagnosticBundle.collect(sb.connection, weu, pool, List.of(), "test", java.time.Clock.systemUTC());
        java.nio.file.Path zip = dir.resolve("b.zip");
        int files = new io.poolforge.export.DiagnosticBundle(new io.poolforge.i18n.Messages(java.util.Locale.ENGLISH)).write(zip, contents);

        StringBuilder all = new StringBuilder();
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                all.append(new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        List<String> tokens = sb.sandbox.issuedTokens();
        assertThat(tokens).isNotEmpty();
        assertThat(files).isEqualTo(11);
        assertThat(all).contains("blender: command not found", "BlobAccessDenied");
        for (String t : tokens) {
            assertThat(all).doesNotContain(t).doesNotContain(t.substring(t.lastIndexOf('.') + 1));
        }
        assertThat(all).doesNotContain("c2FuZGJveFNhc1NpZ25hdHVyZUZvclBGMTI");
    }

    @Test
    void reimageIsRefusedOnAVirtualMachineConfigurationPoolAsBatchDocumentsIt() {
        ComputeNode idle = batch.computeNodes(weu, POOL, "idle").get(0);
        assertThatThrownBy(() -> batch.reimageNode(weu, POOL, idle.id(), "requeue"))
                .isInstanceOfSatisfying(PoolForgeException.class, e -> assertThat(e.azureCode()).isEqualTo("InvalidOperation"));
        assertThat(batch.computeNodes(weu, POOL, "idle")).extracting(ComputeNode::id).contains(idle.id());
    }
}
