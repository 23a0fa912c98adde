package io.poolforge.domain.nodes;

/** What PoolForge can do to nodes (Batch REST: Compute Node Reboot, Reimage, Upload Batch Service Logs; Pool Remove Nodes). */
public enum NodeAction {
    REBOOT("ui.nodes.action.reboot"),
    REIMAGE("ui.nodes.action.reimage"),
    REMOVE("ui.nodes.action.remove"),
    UPLOAD_LOGS("ui.nodes.action.uploadLogs");

    private final String key;

    NodeAction(String key) { this.key = key; }

    /** The button label key. */
    public String key() { return key; }
}
