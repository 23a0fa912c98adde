package io.poolforge.domain.diagnose;

import io.poolforge.domain.rules.Sources;

/** Why a resize failed: cause and remedy message keys, the default action, the Azure page. */
public enum Cause {
    IMAGE_DELETED("diagnose.cause.imageDeleted", "diagnose.remedy.imageDeleted", Action.RESTORE_IMAGE, Sources.CUSTOM_IMAGES),
    SOURCE_SNAPSHOT_DELETED("diagnose.cause.sourceSnapshotDeleted", "diagnose.remedy.sourceSnapshotDeleted",
            Action.REBUILD_IN_GALLERY, Sources.CUSTOM_IMAGES),
    GENERATION_MISMATCH("diagnose.cause.generationMismatch", "diagnose.remedy.generationMismatch",
            Action.RECREATE_POOL, Sources.POOL_ERRORS),
    RESOURCE_LOCKED("diagnose.cause.resourceLocked", "diagnose.remedy.resourceLocked", Action.REMOVE_LOCK,
            Sources.POOL_ERRORS),
    IMAGE_ACCESS_DENIED("diagnose.cause.imageAccessDenied", "diagnose.remedy.imageAccessDenied", Action.GRANT_ACCESS,
            Sources.SIG_IMAGES),
    ALLOCATION_FAILED("diagnose.cause.allocationFailed", "diagnose.remedy.allocationFailed", Action.RESIZE_AGAIN,
            Sources.CUSTOM_IMAGES),
    ALLOCATION_TIMED_OUT("diagnose.cause.allocationTimedOut", "diagnose.remedy.allocationTimedOut",
            Action.RAISE_TIMEOUT, Sources.SIG_IMAGES),
    ACCOUNT_CORE_QUOTA("diagnose.cause.accountCoreQuota", "diagnose.remedy.accountCoreQuota",
            Action.OPEN_QUOTA_REQUEST, Sources.QUOTAS),
    ACCOUNT_LOW_PRIORITY_QUOTA("diagnose.cause.accountLowPriorityQuota", "diagnose.remedy.accountLowPriorityQuota",
            Action.OPEN_QUOTA_REQUEST, Sources.QUOTAS),
    ACCOUNT_VM_SERIES_QUOTA("diagnose.cause.accountVmSeriesQuota", "diagnose.remedy.accountVmSeriesQuota",
            Action.OPEN_QUOTA_REQUEST, Sources.QUOTAS),
    INSUFFICIENT_SUBNET("diagnose.cause.insufficientSubnet", "diagnose.remedy.insufficientSubnet",
            Action.RECREATE_POOL, Sources.VIRTUAL_NETWORK),
    NODE_AGENT_MISMATCH("diagnose.cause.nodeAgentMismatch", "diagnose.remedy.nodeAgentMismatch",
            Action.RECREATE_POOL, Sources.SIG_IMAGES),
    NODES_UNUSABLE("diagnose.cause.nodesUnusable", "diagnose.remedy.nodesUnusable", Action.CONTACT_SUPPORT,
            Sources.NODE_AGENT),
    STALE_ERROR("diagnose.cause.stale", "diagnose.remedy.stale", Action.WAIT, Sources.POOL_ERRORS),
    UNKNOWN("diagnose.cause.unknown", "diagnose.remedy.unknown", Action.CONTACT_SUPPORT, Sources.POOL_ERRORS);

    private final String causeKey;
    private final String remedyKey;
    private final Action action;
    private final String source;

    Cause(String causeKey, String remedyKey, Action action, String source) {
        this.causeKey = causeKey;
        this.remedyKey = remedyKey;
        this.action = action;
        this.source = source;
    }

    public String causeKey() { return causeKey; }

    public String remedyKey() { return remedyKey; }

    public Action defaultAction() { return action; }

    public String source() { return source; }
}
