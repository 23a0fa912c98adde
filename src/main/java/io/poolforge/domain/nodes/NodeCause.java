package io.poolforge.domain.nodes;

/**
 * Why nodes are in trouble: cause, remedy and what-to-check message keys, the action PoolForge offers first and the
 * Azure page each is taken from. Node error codes are matched exactly (ignoring case); a code not listed here is
 * {@link #UNKNOWN} and shown raw, never guessed.
 */
public enum NodeCause {
    /** "A custom VM image is invalid. For example, an image that's not properly prepared" (Batch pool and node errors, unusable nodes). */
    IMAGE_NOT_PREPARED("diagnose.node.cause.imageNotPrepared", "diagnose.node.remedy.imageNotPrepared", "diagnose.node.check.imageNotPrepared",
            NodeAction.REMOVE, Sources.UNUSABLE),
    /** The pool's node agent SKU does not fit the image's OS (list supported images; batch-sig-images). */
    NODE_AGENT_MISMATCH("diagnose.node.cause.nodeAgentMismatch", "diagnose.node.remedy.nodeAgentMismatch", "diagnose.node.check.nodeAgentMismatch",
            NodeAction.REMOVE, Sources.SUPPORTED_IMAGES),
    /** The image's security type (Trusted Launch, confidential VM) is not what the pool asks for (create-pool-trusted-launch). */
    SECURITY_TYPE("diagnose.node.cause.securityType", "diagnose.node.remedy.securityType", "diagnose.node.check.securityType",
            NodeAction.REMOVE, Sources.TRUSTED_LAUNCH),
    /** "If the temporary disk runs out of space ... the node will move to Unusable" (Batch pool and node errors, node disk full). */
    DISK_FULL("diagnose.node.cause.diskFull", "diagnose.node.remedy.diskFull", "diagnose.node.check.diskFull",
            NodeAction.REMOVE, Sources.DISK_FULL),
    /** The start task exited non-zero with waitForSuccess set: state startTaskFailed (Batch pool and node errors, start task failures). */
    START_TASK_FAILED("diagnose.node.cause.startTaskFailed", "diagnose.node.remedy.startTaskFailed", "diagnose.node.check.startTaskFailed",
            NodeAction.REBOOT, Sources.START_TASK),
    /** "Nodes in an unusable state, but without errors means that Batch is unable to communicate with the VM" (same page). */
    UNREACHABLE("diagnose.node.cause.unreachable", "diagnose.node.remedy.unreachable", "diagnose.node.check.unreachable",
            NodeAction.REBOOT, Sources.UNUSABLE),
    /**
     * Nodes still {@code creating}, {@code starting} or {@code waitingForStartTask} {@link NodeDiagnoser#STUCK_AFTER} after
     * they entered that state. Under simplified node communication (the only model since 31 March 2026) a node needs
     * outbound TCP 443 to the BatchNodeManagement.&lt;region&gt; service tag and no inbound port ("Nodes using the simplified
     * communication mode require outbound TCP communication on port 443 to the BatchNodeManagement.{region} service tag.
     * No open inbound ports are required.", NodeCommunicationMode, read 2026-12-07).
     */
    STUCK_STARTING("diagnose.node.cause.stuckStarting", "diagnose.node.remedy.stuckStarting", "diagnose.node.check.stuckStarting",
            NodeAction.UPLOAD_LOGS, Sources.SIMPLIFIED),
    /** Nodes still waitingForStartTask past the threshold: the start task has not finished (waitForSuccess set). */
    STUCK_START_TASK("diagnose.node.cause.stuckStartTask", "diagnose.node.remedy.stuckStartTask", "diagnose.node.check.stuckStartTask",
            NodeAction.UPLOAD_LOGS, Sources.START_TASK),
    /** A code PoolForge does not know: shown raw with the advice to upload the node's logs for support. */
    UNKNOWN("diagnose.node.cause.unknown", "diagnose.node.remedy.unknown", "diagnose.node.check.unknown",
            NodeAction.UPLOAD_LOGS, Sources.NODE_ERRORS);

    private final String causeKey;
    private final String remedyKey;
    private final String checkKey;
    private final NodeAction action;
    private final String source;

    NodeCause(String causeKey, String remedyKey, String checkKey, NodeAction action, String source) {
        this.causeKey = causeKey;
        this.remedyKey = remedyKey;
        this.checkKey = checkKey;
        this.action = action;
        this.source = source;
    }

    public String causeKey() { return causeKey; }

    public String remedyKey() { return remedyKey; }

    /** What to check, one line per item (the value holds them separated by new lines). */
    public String checkKey() { return checkKey; }

    public NodeAction defaultAction() { return action; }

    public String source() { return source; }

    /** The Azure pages node diagnoses cite. */
    public static final class Sources {
        private static final String PAGE = "https://learn.microsoft.com/azure/batch/batch-pool-node-error-checking";
        /** Azure Batch pool and node errors: node errors. */
        public static final String NODE_ERRORS = PAGE + "#node-errors";
        /** Same page: start task failures (startTaskInfo result, exitCode, failureInfo; state startTaskFailed). */
        public static final String START_TASK = PAGE + "#start-task-failures";
        /** Same page: node in unusable state (invalid custom image, blocked ports or storage, DNS). */
        public static final String UNUSABLE = PAGE + "#node-in-unusable-state";
        /** Same page: node disk full. */
        public static final String DISK_FULL = PAGE + "#node-disk-full";
        /** Batch REST: list supported images (node agent SKUs per image). */
        public static final String SUPPORTED_IMAGES = "https://learn.microsoft.com/rest/api/batchservice/pool/list-supported-images";
        /** Batch pools with Trusted Launch. */
        public static final String TRUSTED_LAUNCH = "https://learn.microsoft.com/azure/batch/create-pool-trusted-launch";
        /** Use simplified compute node communication (the network a node needs since 31 March 2026). */
        public static final String SIMPLIFIED = "https://learn.microsoft.com/azure/batch/simplified-compute-node-communication";
        /** Batch REST: upload Batch service logs (for a support request). */
        public static final String UPLOAD_LOGS = "https://learn.microsoft.com/rest/api/batchservice/compute-node/upload-batch-service-logs";

        private Sources() {
        }
    }
}
