package io.poolforge.domain.nodes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One compute node of a pool as the Batch data plane reports it (REST "Compute Node - List/Get"): {@code state}
 * is Batch's own spelling ({@code idle}, {@code unusable}, {@code startTaskFailed}...); the start task fields come
 * from {@code startTaskInfo} ({@code result}, {@code exitCode}, {@code failureInfo.code/message}); null when absent.
 * {@code allocationTime} is "the time at which this Compute Node was allocated to the Pool" (REST ComputeNode, read
 * 2026-12-07); with {@code stateTransitionTime} of an idle node it gives the node's boot time (PF-19).
 */
public record ComputeNode(String id, String state, boolean dedicated, String vmSize, Instant stateTransitionTime,
                          Instant lastBootTime, String startTaskResult, Integer startTaskExitCode, String startTaskFailureCode,
                          String startTaskFailureMessage, String nodeAgentVersion, List<NodeError> errors,
                          Instant allocationTime) {
    public ComputeNode {
        Objects.requireNonNull(id, "id");
        state = state == null ? "unknown" : state;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A node without its allocation time (what PoolForge read before PF-19). */
    public ComputeNode(String id, String state, boolean dedicated, String vmSize, Instant stateTransitionTime,
                       Instant lastBootTime, String startTaskResult, Integer startTaskExitCode, String startTaskFailureCode,
                       String startTaskFailureMessage, String nodeAgentVersion, List<NodeError> errors) {
        this(id, state, dedicated, vmSize, stateTransitionTime, lastBootTime, startTaskResult, startTaskExitCode,
                startTaskFailureCode, startTaskFailureMessage, nodeAgentVersion, errors, null);
    }

    /** A node with only id, state and errors (tests, fakes). */
    public static ComputeNode of(String id, String state, NodeError... errors) {
        return new ComputeNode(id, state, true, null, null, null, null, null, null, null, null, List.of(errors));
    }

    /** The same node with {@code size} as its VM size (the same size in Azure's canonical case, PF-20). */
    public ComputeNode withVmSize(String size) {
        return new ComputeNode(id, state, dedicated, size, stateTransitionTime, lastBootTime, startTaskResult, startTaskExitCode,
                startTaskFailureCode, startTaskFailureMessage, nodeAgentVersion, errors, allocationTime);
    }

    /** True when the start task ran and failed (result {@code failure}, or a non-zero exit code). */
    public boolean startTaskFailed() {
        if (startTaskResult != null) return "failure".equalsIgnoreCase(startTaskResult);
        return startTaskExitCode != null && startTaskExitCode != 0;
    }

    /** The state compared ignoring case (Batch's JSON is camelCase, some SDKs upper-case it). */
    public boolean inState(String s) {
        return s != null && state.toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT));
    }
}
