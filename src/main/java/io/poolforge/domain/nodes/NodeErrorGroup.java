package io.poolforge.domain.nodes;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.diagnose.Confidence;
import java.util.List;
import java.util.Objects;

/**
 * Nodes with the same trouble: the raw {@code code} (a node error code, the start task's failure code, or
 * {@code null} for unusable nodes without errors), one node's raw message (masked), the nodes, and the diagnosis:
 * cause, remedy, what to check, the Azure page. {@code known} is false when PoolForge does not know the code.
 * {@code confidence}: CONFIRMED when Batch's own report (a start task failure, unusable without errors) names it,
 * LIKELY when the message is consistent with it, UNKNOWN otherwise; only a CONFIRMED group offers removing nodes.
 */
public record NodeErrorGroup(String code, String message, Integer exitCode, List<String> nodeIds, NodeCause cause, boolean known,
                             LocalizedText causeText, LocalizedText remedy, LocalizedText check, NodeAction action, String source,
                             Confidence confidence) {
    public NodeErrorGroup {
        Objects.requireNonNull(cause, "cause");
        nodeIds = List.copyOf(nodeIds);
        if (confidence == null) confidence = Confidence.UNKNOWN;
        // Removing or reimaging nodes destroys them: only for a confirmed cause.
        if (confidence != Confidence.CONFIRMED && (action == NodeAction.REMOVE || action == NodeAction.REIMAGE)) {
            action = NodeAction.UPLOAD_LOGS;
        }
    }

    public int count() {
        return nodeIds.size();
    }

    /** The code shown ("startTaskFailed" style labels are the view's business). */
    public String displayCode() {
        return code == null ? "-" : code;
    }
}
