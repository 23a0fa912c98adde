package io.poolforge.domain.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Node error codes and start-task failures to causes, grouped per identical trouble with node counts. */
class NodeDiagnoserTest {

    /**
     * No node error code is known (PF-17): the codes this table used to map (InvalidCustomImage, NodeAgentSkuMismatch,
     * UnsupportedSecurityType, DiskFull) come from no Microsoft document, spec or public report; every code is shown
     * raw as unknown, and nothing destructive is offered for it.
     */
    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of("InvalidCustomImage", NodeCause.UNKNOWN, false, NodeAction.UPLOAD_LOGS, "#node-errors"),
                Arguments.of("NodeAgentSkuMismatch", NodeCause.UNKNOWN, false, NodeAction.UPLOAD_LOGS, "#node-errors"),
                Arguments.of("UnsupportedSecurityType", NodeCause.UNKNOWN, false, NodeAction.UPLOAD_LOGS, "#node-errors"),
                Arguments.of("VmExtensionProvisioningError", NodeCause.UNKNOWN, false, NodeAction.UPLOAD_LOGS, "#node-errors"),
                Arguments.of("SomethingNew", NodeCause.UNKNOWN, false, NodeAction.UPLOAD_LOGS, "#node-errors"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("codes")
    void eachKnownCodeMapsToItsCauseAndUnknownCodesStayRaw(String code, NodeCause cause, boolean known, NodeAction action, String source) {
        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(List.of(
                ComputeNode.of("n1", "unusable", NodeError.of(code, "message of " + code)),
                ComputeNode.of("n2", "unusable", NodeError.of(code, "message of " + code))));
        assertThat(groups).hasSize(1);
        NodeErrorGroup g = groups.get(0);
        assertThat(g.cause()).isEqualTo(cause);
        assertThat(g.known()).isEqualTo(known);
        assertThat(g.code()).isEqualTo(code);
        assertThat(g.count()).isEqualTo(2);
        assertThat(g.nodeIds()).containsExactly("n1", "n2");
        assertThat(g.action()).isEqualTo(action);
        assertThat(g.source()).startsWith("https://learn.microsoft.com/").contains(source);
        assertThat(g.causeText().key()).isEqualTo(cause.causeKey());
        assertThat(g.causeText().args()).first().isEqualTo(2);
        if (!known) assertThat(g.causeText().args()).contains(code);
    }

    @Test
    void startTaskFailuresGroupByFailureCodeAndExitCodeAndUnusableWithoutErrorsIsUnreachable() {
        List<ComputeNode> nodes = new ArrayList<>();
        for (int i = 0; i < 37; i++) nodes.add(ComputeNode.of("bad" + i, "unusable", NodeError.of("SomeCode", "not prepared")));
        nodes.add(start("st1", 127));
        nodes.add(start("st2", 127));
        nodes.add(start("st3", 1));
        nodes.add(ComputeNode.of("lost", "unusable"));
        nodes.add(ComputeNode.of("ok1", "idle"));
        nodes.add(new ComputeNode("ok2", "idle", true, null, null, null, "success", 0, null, null, "1.11.19", List.of()));

        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(nodes);

        assertThat(groups).extracting(NodeErrorGroup::count).containsExactly(37, 2, 1, 1);
        assertThat(groups.get(0).cause()).isEqualTo(NodeCause.UNKNOWN);
        assertThat(groups.get(0).confidence()).isEqualTo(io.poolforge.domain.diagnose.Confidence.UNKNOWN);
        assertThat(st0(groups).confidence()).isEqualTo(io.poolforge.domain.diagnose.Confidence.CONFIRMED);
        NodeErrorGroup st = groups.get(1);
        assertThat(st.cause()).isEqualTo(NodeCause.START_TASK_FAILED);
        assertThat(st.exitCode()).isEqualTo(127);
        assertThat(st.code()).isEqualTo("FailureExitCode");
        assertThat(st.causeText().args()).containsExactly(2, 127);
        assertThat(groups.subList(2, 4)).extracting(NodeErrorGroup::cause)
                .containsExactlyInAnyOrder(NodeCause.START_TASK_FAILED, NodeCause.UNREACHABLE);
        assertThat(groups).flatExtracting(NodeErrorGroup::nodeIds).doesNotContain("ok1", "ok2");
    }

    @Test
    void messagesAreMaskedAndFiltersFindNodesByStateAndCode() {
        ComputeNode leaky = ComputeNode.of("n1", "unusable",
                NodeError.of("DiskFull", "copy of https://x.blob.core.windows.net/c/f?sv=1&sig=SECRETSIG failed"));
        ComputeNode st = start("n2", 2);
        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(List.of(leaky, st));
        assertThat(groups).allSatisfy(g -> assertThat(String.valueOf(g.message())).doesNotContain("SECRETSIG"));
        assertThat(NodeDiagnoser.filter(List.of(leaky, st), "startTaskFailed", null)).extracting(ComputeNode::id).containsExactly("n2");
        assertThat(NodeDiagnoser.filter(List.of(leaky, st), null, "diskfull")).extracting(ComputeNode::id).containsExactly("n1");
        assertThat(NodeDiagnoser.filter(List.of(leaky, st), null, "FailureExitCode")).extracting(ComputeNode::id).containsExactly("n2");
        assertThat(NodeDiagnoser.codes(List.of(leaky, st))).containsExactly("DiskFull", "FailureExitCode");
    }

    @Test
    void tailKeepsTheLastLinesMasked() {
        String text = "a\nb\nc\nhttps://s.blob.core.windows.net/c?sig=ABC&sp=r\n";
        assertThat(NodeDiagnoser.tail(text, 2)).isEqualTo("c\nhttps://s.blob.core.windows.net/c?sig=***&sp=r");
        assertThat(NodeDiagnoser.tail("", 5)).isEmpty();
        assertThat(NodeDiagnoser.tail(null, 5)).isEmpty();
    }

    private static ComputeNode start(String id, int exit) {
        return new ComputeNode(id, "startTaskFailed", true, "standard_f2s_v2", null, null, "failure", exit, "FailureExitCode",
                "The task process exited with an unexpected exit code", "1.11.19", List.of());
    }
    private static NodeErrorGroup st0(List<NodeErrorGroup> groups) {
        return groups.stream().filter(g -> g.cause() == NodeCause.START_TASK_FAILED).findFirst().orElseThrow();
    }

    @Test
    void aMessageSayingTheDiskIsFullIsLikelyDiskFullButNothingIsRemoved() {
        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(List.of(ComputeNode.of("n1", "unusable",
                NodeError.of("SomeCode", "The temporary disk is full"))));
        assertThat(groups.get(0).cause()).isEqualTo(NodeCause.DISK_FULL);
        assertThat(groups.get(0).confidence()).isEqualTo(io.poolforge.domain.diagnose.Confidence.LIKELY);
        assertThat(groups.get(0).action()).isNotEqualTo(NodeAction.REMOVE);
    }

    @Test
    void nodesStuckStartingPastTheThresholdAreDiagnosedWithSimplifiedCommunication() {
        java.time.Instant now = java.time.Instant.parse("2026-12-07T08:00:00Z");
        java.time.Instant long_ago = now.minus(java.time.Duration.ofMinutes(16));
        java.time.Instant recently = now.minus(java.time.Duration.ofMinutes(14));
        List<ComputeNode> nodes = List.of(
                new ComputeNode("s1", "starting", true, null, long_ago, null, null, null, null, null, null, List.of()),
                new ComputeNode("s2", "creating", true, null, long_ago, null, null, null, null, null, null, List.of()),
                new ComputeNode("s3", "starting", true, null, recently, null, null, null, null, null, null, List.of()),
                new ComputeNode("w1", "waitingForStartTask", true, null, long_ago, null, null, null, null, null, null, List.of()));

        assertThat(NodeDiagnoser.diagnose(nodes)).isEmpty();
        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(nodes, now);

        assertThat(groups).extracting(NodeErrorGroup::cause, NodeErrorGroup::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NodeCause.STUCK_STARTING, 2),
                org.assertj.core.groups.Tuple.tuple(NodeCause.STUCK_START_TASK, 1));
        NodeErrorGroup stuck = groups.get(0);
        assertThat(stuck.nodeIds()).containsExactly("s1", "s2");
        assertThat(stuck.source()).isEqualTo("https://learn.microsoft.com/azure/batch/simplified-compute-node-communication");
        io.poolforge.i18n.Messages en = new io.poolforge.i18n.Messages(java.util.Locale.ENGLISH);
        assertThat(en.text(stuck.check())).contains("BatchNodeManagement.<region>", "outbound TCP 443", "network security group",
                "user-defined route", "service endpoint policy", "start task").contains("no inbound port");
        assertThat(en.text(stuck.causeText())).isEqualTo("2 nodes have been in the state “Starting” for more than 15 minutes.");
        assertThat(stuck.action()).isEqualTo(NodeAction.UPLOAD_LOGS);
    }
}
