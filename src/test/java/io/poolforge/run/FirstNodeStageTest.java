package io.poolforge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.NodeCounts;
import io.poolforge.azure.NodeInfo;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.nodes.ComputeNode;
import io.poolforge.domain.nodes.NodeError;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.TestPlans;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF-19: the first-node stage against a scripted Batch (what each read returns, in turn): it never resizes before the
 * node is idle, nor while the pool still resizes; it grows in steps of at most 300 nodes; a failed node or a one-node
 * resize that ends with errors stops it before any resize, with the diagnosers' cause.
 */
class FirstNodeStageTest {
    @TempDir
    Path dir;

    private final PlanCodec codec = new PlanCodec();

    @Test
    void resizesOnlyOnceTheNodeIsIdleAndThePoolSteadyInStepsOfAtMost300() {
        Plan plan = plan(700, 0);
        Batch b = new Batch();
        Instant t0 = Instant.parse("2026-12-07T06:00:00Z");
        b.nodes.add(List.of());
        b.nodes.add(List.of(node("n1", "creating", t0, null, List.of())));
        b.nodes.add(List.of(node("n1", "starting", t0, null, List.of())));
        b.nodes.add(List.of(node("n1", "idle", t0, t0.plusSeconds(252), List.of())));
        b.pools.add(pool(1, 0, AllocationState.RESIZING, List.of()));      // prove(): one node asked for
        b.pools.add(pool(1, 0, AllocationState.RESIZING, List.of()));      // no node yet: the pool is read
        b.pools.add(pool(1, 0, AllocationState.RESIZING, List.of()));      // grow(): the targets
        b.pools.add(pool(1, 0, AllocationState.RESIZING, List.of()));      // before step 1: the node is idle, the pool still resizes
        b.pools.add(pool(1, 0, AllocationState.STEADY, List.of()));        // steady: step 1
        b.pools.add(pool(234, 0, AllocationState.RESIZING, List.of()));    // before step 2
        b.pools.add(pool(234, 0, AllocationState.STEADY, List.of()));
        b.pools.add(pool(467, 0, AllocationState.STEADY, List.of()));      // before step 3

        Journal j = stage(b).prove(plan, journal(plan), poolStep(plan), PlanRunner.Listener.NONE, () -> false);

        assertThat(b.resizes).containsExactly("234+0", "467+0", "700+0");
        assertThat(b.resizeWhenNodes).allMatch(s -> s.equals("idle"));
        assertThat(j.firstNode().stage()).isEqualTo(FirstNode.Stage.GROWN);
        assertThat(j.firstNode().bootTime()).isEqualTo(Duration.ofSeconds(252));
        assertThat(j.firstNode().nodeAgentVersion()).isEqualTo("1.11.19");
    }

    @Test
    void anUnusableNodeStopsTheStageWithItsDiagnosisAndNoResize() {
        Plan plan = plan(50, 0);
        Batch b = new Batch();
        Instant t0 = Instant.parse("2026-12-07T06:00:00Z");
        b.pools.add(pool(1, 0, AllocationState.RESIZING, List.of()));
        // An unusable node without errors: "Batch is unable to communicate with the VM" (batch-pool-node-error-checking).
        b.nodes.add(List.of(node("n1", "unusable", t0, null, List.of())));
        JournalStore store = new JournalStore(dir.resolve("runs"), codec);
        Journal start = journal(plan, store);

        assertThatThrownBy(() -> new FirstNodeStage(b, store, Clock.systemUTC(), Duration.ZERO)
                .prove(plan, start, poolStep(plan), PlanRunner.Listener.NONE, () -> false))
                .isInstanceOfSatisfying(FirstNodeFailure.class, f -> {
                    assertThat(f.nodeState()).isEqualTo("unusable");
                    assertThat(f.cause().key()).isEqualTo("diagnose.node.cause.unreachable");
                    assertThat(f.remedy().key()).isEqualTo("diagnose.node.remedy.unreachable");
                    // PF-20: the node reported no error code, so there is none: its state is not made its code.
                    assertThat(f.azureCode()).isNull();
                    String en = EN.text(LocalizedText.of(f.key(), f.args()));
                    assertThat(en).contains("node n1 is unusable, no error code reported.").doesNotContain("unusable (unusable)")
                            .doesNotContain("(-)");
                    assertThat(ES.text(LocalizedText.of(f.key(), f.args())))
                            .contains("está en unusable, sin código de error notificado.").doesNotContain("(unusable)");
                });
        assertThat(b.resizes).isEmpty();
        FirstNode fn = store.load(start.runId()).firstNode();
        assertThat(fn.stage()).isEqualTo(FirstNode.Stage.FAILED);
        assertThat(fn.errorCode()).isNull();
        assertThat(EN.text(FirstNodeSummary.line(fn)))
                .isEqualTo("First node: n1 ended unusable, no error code reported; the pool was not grown beyond one node.");
    }

    /** PF-20: a node's state and code, each once; no code reads as none, never as the state again; a code stays Azure's. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "unusable  | NodeStartFailed | unusable (NodeStartFailed)",
            "unusable  |                 | unusable, no error code reported",
            // a journal written before PF-20 recorded the state as the code
            "unusable  | unusable        | unusable, no error code reported",
            "startTaskFailed | FailureExitCode | startTaskFailed (FailureExitCode)",
            // the resize failed before a node was seen
            "-         | AllocationFailed | AllocationFailed",
            "-         |                  | -",
    })
    void stateAndCodeAreEachSaidOnce(String state, String code, String shown) {
        assertThat(EN.text(FirstNodeSummary.stateAndCode(state, code))).isEqualTo(shown);
    }

    private static final io.poolforge.i18n.Messages EN = new io.poolforge.i18n.Messages(java.util.Locale.ENGLISH);
    private static final io.poolforge.i18n.Messages ES = new io.poolforge.i18n.Messages(java.util.Locale.forLanguageTag("es"));

    @Test
    void aOneNodeResizeThatEndsWithErrorsAndNoNodeStopsWithTheResizeDiagnosis() {
        Plan plan = plan(0, 20);
        Batch b = new Batch();
        b.pools.add(pool(0, 1, AllocationState.RESIZING, List.of()));
        b.nodes.add(List.of());
        // The message Microsoft documents for an image deleted under a pool (batch-custom-images).
        b.pools.add(pool(0, 1, AllocationState.STEADY, List.of(new ResizeError("AllocationFailed",
                "There was an error encountered while performing the last resize on the pool. Please try resizing the pool again. "
                        + "Code: AllocationFailed", List.of(), null))));
        Journal start = journal(plan);
        assertThatThrownBy(() -> stage(b).prove(plan, start, poolStep(plan), PlanRunner.Listener.NONE, () -> false))
                .isInstanceOfSatisfying(FirstNodeFailure.class, f -> assertThat(f.azureCode()).isEqualTo("AllocationFailed"));
        assertThat(b.resizes).isEmpty();
        assertThat(FirstNodeStage.oneNode(plan).targetLowPriorityNodes()).as("Spot only: the one node is Spot").isEqualTo(1);
        assertThat(FirstNodeStage.oneNode(plan).targetDedicatedNodes()).isZero();
    }

    @Test
    void theOneNodePoolOfATrustedLaunchPlanKeepsItsSecurityProfile() {
        // PF-16 merge: a Trusted Launch image "can create Trusted Launch VMs only"; the first node's pool needs the profile too.
        Plan plan = TestPlans.plan(Path.of("docs/examples/vm-trusted-launch-gallery.json"));
        PoolPlan one = FirstNodeStage.oneNode(plan);
        assertThat(plan.poolPlan().securityProfile()).isNotNull();
        assertThat(one.securityProfile()).isEqualTo(plan.poolPlan().securityProfile());
        assertThat(one.targetNodes()).isEqualTo(1);
        assertThat(one.withTargets(plan.poolPlan().targetDedicatedNodes(), plan.poolPlan().targetLowPriorityNodes()))
                .isEqualTo(plan.poolPlan());
    }

    // --- helpers ----------------------------------------------------------------------------------

    private FirstNodeStage stage(Batch b) {
        return new FirstNodeStage(b, new JournalStore(dir.resolve("runs"), codec), Clock.systemUTC(), Duration.ZERO);
    }

    private Plan plan(int dedicated, int spot) {
        var t = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetDedicatedNodes", IntNode.valueOf(dedicated));
        t = TestPlans.edit(t, "/pool/targetLowPriorityNodes", IntNode.valueOf(spot));
        return RunSteps.resolve(TestPlans.plan(t), new RunId("20261207-060000-abcd"));
    }

    private Journal journal(Plan plan) {
        return journal(plan, new JournalStore(dir.resolve("runs"), codec));
    }

    private Journal journal(Plan plan, JournalStore store) {
        return store.start(TestPlans.plan(TestPlans.GALLERY).withFirstNode(null), new RunId("20261207-060000-abcd"), Instant.now());
    }

    private static StepRecord poolStep(Plan plan) {
        return StepRecord.pending("pool", StepKind.POOL, plan.pool().poolId(), "pool-id", "r").started(Instant.now());
    }

    private static ComputeNode node(String id, String state, Instant allocated, Instant transition, List<NodeError> errors) {
        return new ComputeNode(id, state, true, "standard_d2s_v3", transition, null, null, null, null, null, "1.11.19", errors, allocated);
    }

    private static PoolInfo pool(int d, int l, AllocationState state, List<ResizeError> errors) {
        return new PoolInfo("render-ubuntu2204", "Standard_D2s_v3", null, "batch.node.ubuntu 22.04", d, l, 0, 0, state, null,
                Duration.ofMinutes(20), null, errors, false);
    }

    /** Scripted reads: each call takes the next answer (the last one stays); resizes are recorded. */
    static final class Batch implements BatchGateway {
        final Deque<List<ComputeNode>> nodes = new ArrayDeque<>();
        final Deque<PoolInfo> pools = new ArrayDeque<>();
        final List<String> resizes = new ArrayList<>();
        final List<String> resizeWhenNodes = new ArrayList<>();
        private List<ComputeNode> lastNodes = List.of();
        private PoolInfo lastPool;

        @Override public List<ComputeNode> computeNodes(BatchAccountInfo account, String poolId, String state) {
            if (!nodes.isEmpty()) lastNodes = nodes.poll();
            return lastNodes;
        }

        @Override public Optional<PoolInfo> getPool(BatchAccountInfo account, String poolId) {
            if (!pools.isEmpty()) lastPool = pools.poll();
            return Optional.ofNullable(lastPool);
        }

        @Override public PoolInfo resizePool(BatchAccountInfo account, String poolId, int d, int l, Duration timeout) {
            if (lastPool == null || lastPool.allocationState() != AllocationState.STEADY) {
                throw new AssertionError("resize of a pool that is not steady");
            }
            resizes.add(d + "+" + l);
            resizeWhenNodes.add(lastNodes.isEmpty() ? "-" : lastNodes.get(0).state());
            return lastPool;
        }

        @Override public String nodeFileTail(BatchAccountInfo a, String p, String n, String f, int max) { return ""; }

        @Override public List<BatchAccountInfo> listAccounts(String s) { throw new UnsupportedOperationException(); }
        @Override public List<VmSkuInfo> supportedVmSkus(String s, String l) { throw new UnsupportedOperationException(); }
        @Override public int accountQuota(String s, String l) { throw new UnsupportedOperationException(); }
        @Override public List<SupportedImage> supportedImages(BatchAccountInfo a) { throw new UnsupportedOperationException(); }
        @Override public List<PoolInfo> listPools(BatchAccountInfo a) { throw new UnsupportedOperationException(); }
        @Override public PoolInfo createPool(BatchAccountInfo a, PoolPlan p) { throw new UnsupportedOperationException(); }
        @Override public PoolInfo stopResize(BatchAccountInfo a, String p) { throw new UnsupportedOperationException(); }
        @Override public void deletePool(BatchAccountInfo a, String p, OperationMonitor m) { throw new UnsupportedOperationException(); }
        @Override public NodeCounts nodeCounts(BatchAccountInfo a, String p) { throw new UnsupportedOperationException(); }
        @Override public List<NodeInfo> nodes(BatchAccountInfo a, String p) { throw new UnsupportedOperationException(); }
    }
}
