package io.poolforge.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.poolforge.domain.SecretMasker;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * PF-19: what the journal keeps of the "first node" stage of a run's pool step: the pool was created with one node,
 * the run watches that node to {@code idle} (or to its start task's end) and only then resizes to the plan's counts.
 * A resume reads the stage: {@link Stage#WATCHING} goes on watching the same pool and never resizes before the node
 * proved the image; {@link Stage#FAILED} never resizes at all.
 *
 * @param stage where the stage is
 * @param dedicated whether the one node is dedicated (false: Spot, when the plan has only Spot nodes)
 * @param nodeId the node Batch allocated, once seen
 * @param allocatedAt the node's {@code allocationTime} (Batch REST ComputeNode)
 * @param idleAt when it entered {@code idle} (its {@code stateTransitionTime} once idle)
 * @param nodeAgentVersion the node agent version it reports ({@code nodeAgentInfo.version})
 * @param state the node's last state seen (or "-" when no node was allocated)
 * @param errorCode the node's (or the resize's) first error code, when it failed
 * @param errorMessage that error's message (masked)
 * @param startedAt when the run asked for the one node
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FirstNode(Stage stage, boolean dedicated, String nodeId, Instant allocatedAt, Instant idleAt,
                        String nodeAgentVersion, String state, String errorCode, String errorMessage, Instant startedAt) {

    /** The stages, in order; FAILED ends the run before any resize. */
    public enum Stage {
        /** The pool exists with one node asked for; the run watches it. */
        WATCHING,
        /** The node reached idle: the image works. The resize to the plan's counts comes next. */
        PROVED,
        /** The resize to the plan's counts was asked for (in steps above 300 nodes). */
        GROWN,
        /** The node did not reach idle: nothing more is asked for. */
        FAILED
    }

    public FirstNode {
        Objects.requireNonNull(stage, "stage");
        errorMessage = SecretMasker.mask(errorMessage);
    }

    public static FirstNode watching(boolean dedicated, Instant now) {
        return new FirstNode(Stage.WATCHING, dedicated, null, null, null, null, null, null, null, now);
    }

    public FirstNode seen(String id, String nodeState, Instant allocated, String agentVersion) {
        return new FirstNode(stage, dedicated, id, allocated, idleAt, agentVersion, nodeState, errorCode, errorMessage, startedAt);
    }

    public FirstNode proved(Instant idle) {
        return new FirstNode(Stage.PROVED, dedicated, nodeId, allocatedAt, idle, nodeAgentVersion, "idle", null, null, startedAt);
    }

    public FirstNode grown() {
        return new FirstNode(Stage.GROWN, dedicated, nodeId, allocatedAt, idleAt, nodeAgentVersion, state, null, null, startedAt);
    }

    public FirstNode failed(String code, String message) {
        return new FirstNode(Stage.FAILED, dedicated, nodeId, allocatedAt, idleAt, nodeAgentVersion, state, code, message, startedAt);
    }

    /** True once the node reached idle (the image booted and the node agent runs). */
    @JsonIgnore
    public boolean provedImage() { return stage == Stage.PROVED || stage == Stage.GROWN; }

    /** The node's boot time, allocation to idle; null when either end is unknown. */
    @JsonIgnore
    public Duration bootTime() {
        return allocatedAt == null || idleAt == null || idleAt.isBefore(allocatedAt) ? null : Duration.between(allocatedAt, idleAt);
    }
}
