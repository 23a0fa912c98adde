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
    /**
     * The replicas read show none in the Batch account's region: "The image can be in a different region as long as it
     * has replicas in the same region as your Batch account" (batch-sig-images, read 2026-12-07). LIKELY: what Batch
     * says when a replica is removed from under a pool is not documented.
     */
    IMAGE_NOT_REPLICATED("diagnose.cause.imageNotReplicated", "diagnose.remedy.imageNotReplicated", Action.RESIZE_AGAIN,
            "https://learn.microsoft.com/azure/batch/batch-sig-images"),
    /** Compute's own words: the gallery image only creates VMs of a security type the pool does not ask for. */
    SECURITY_TYPE_MISMATCH("diagnose.cause.securityTypeMismatch", "diagnose.remedy.securityTypeMismatch", Action.RECREATE_POOL,
            "https://learn.microsoft.com/azure/batch/create-pool-trusted-launch"),
    /** MarketplacePurchaseEligibilityFailed: the subscription cannot buy (or has not accepted the terms of) the image's plan. */
    MARKETPLACE_TERMS("diagnose.cause.marketplaceTerms", "diagnose.remedy.marketplaceTerms", Action.RESIZE_AGAIN,
            "https://learn.microsoft.com/azure/virtual-machines/linux/cli-ps-findimage"),
    /** The VM size does not support the OS disk's storage account type (Premium_LRS on a size without premium storage). */
    STORAGE_TYPE_UNSUPPORTED("diagnose.cause.storageTypeUnsupported", "diagnose.remedy.storageTypeUnsupported", Action.RECREATE_POOL,
            "https://learn.microsoft.com/azure/virtual-machines/disks-types"),
    /** OperationNotAllowed "exceeding approved ... Cores quota": the subscription's regional vCPU quota (user-subscription accounts). */
    REGIONAL_QUOTA("diagnose.cause.regionalQuota", "diagnose.remedy.regionalQuota", Action.OPEN_QUOTA_REQUEST,
            "https://learn.microsoft.com/azure/batch/batch-quota-limit"),
    /** "Allocation failed. We do not have sufficient capacity for the requested VM size in this region." */
    CAPACITY("diagnose.cause.capacity", "diagnose.remedy.capacity", Action.RESIZE_AGAIN,
            "https://learn.microsoft.com/troubleshoot/azure/virtual-machines/allocation-failure"),
    /** SkuNotAvailable: the VM size is not offered to the subscription in the region. */
    SKU_NOT_AVAILABLE("diagnose.cause.skuNotAvailable", "diagnose.remedy.skuNotAvailable", Action.RECREATE_POOL,
            "https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-sku-not-available"),
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
