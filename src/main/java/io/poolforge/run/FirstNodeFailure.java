package io.poolforge.run;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolForgeException;

/**
 * PF-19: the first node did not prove the image, so the run stopped before asking for more nodes. The message
 * ({@code run.firstNode.failed}) names the pool, the node, its state, the error code, and the diagnosers' cause and
 * remedy; the raw message, the start task's stderr tail (masked) and the Azure page the diagnosis rests on are kept
 * for whoever shows more.
 */
public final class FirstNodeFailure extends PoolForgeException {
    private static final long serialVersionUID = 1L;

    private final String poolId;
    private final String nodeId;
    private final String nodeState;
    private final String rawMessage;
    private final String startTaskStderr;
    private final transient LocalizedText cause;
    private final transient LocalizedText remedy;
    private final String source;

    public FirstNodeFailure(String poolId, String nodeId, String nodeState, String code, String rawMessage, String startTaskStderr,
                            LocalizedText cause, LocalizedText remedy, String source) {
        super("run.firstNode.failed", null, code, null, poolId, nodeId, FirstNodeSummary.stateAndCode(nodeState, code),
                code == null ? "-" : code, cause, remedy);
        this.poolId = poolId;
        this.nodeId = nodeId;
        this.nodeState = nodeState;
        this.rawMessage = rawMessage;
        this.startTaskStderr = startTaskStderr == null ? "" : startTaskStderr;
        this.cause = cause;
        this.remedy = remedy;
        this.source = source;
    }

    /** For logs and the journal's step record: short, no localized text (the cause and remedy are shown by their keys' owners). */
    @Override
    public String getMessage() {
        return io.poolforge.domain.SecretMasker.mask("first node " + nodeId + " of pool " + poolId + " is " + nodeState
                + (azureCode() == null ? "" : " (" + azureCode() + ")"));
    }

    public String poolId() { return poolId; }

    public String nodeId() { return nodeId; }

    public String nodeState() { return nodeState; }

    /** The node's (or the resize's) own message, masked; null when it gave none. */
    public String rawMessage() { return rawMessage; }

    /** The last lines of the start task's stderr, masked; empty when there is none. */
    public String startTaskStderr() { return startTaskStderr; }

    public LocalizedText cause() { return cause; }

    public LocalizedText remedy() { return remedy; }

    /** The Azure page the diagnosis cites, or null. */
    public String source() { return source; }
}
