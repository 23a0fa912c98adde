package io.poolforge.domain.rules;

import static io.poolforge.domain.rules.Severity.ERROR;
import static io.poolforge.domain.rules.Severity.INFO;
import static io.poolforge.domain.rules.Severity.WARNING;

/**
 * Every rule PoolForge checks: a stable code, its severity, the message key (English and Spanish
 * bundles) and the Azure documentation page it encodes. docs/RULES.md is generated from this enum.
 */
public enum RuleCode {
    // --- 1. VM eligibility (batch-sig-images "Prepare a VM"; batch-custom-images) ---
    VM_UNMANAGED_DISK(ERROR, "rule.vm.unmanagedDisk", Sources.SIG_IMAGES),
    VM_UNMANAGED_DATA_DISK(ERROR, "rule.vm.unmanagedDataDisk", Sources.SIG_IMAGES),
    VM_EXTENSIONS_INSTALLED(ERROR, "rule.vm.extensions", Sources.SIG_IMAGES),
    VM_BASE_IMAGE_UNSUPPORTED(ERROR, "rule.vm.baseImageUnsupported", Sources.SUPPORTED_IMAGES),
    VM_BASE_IMAGE_NOT_MARKETPLACE(WARNING, "rule.vm.baseImageNotMarketplace", Sources.SIG_IMAGES),
    VM_BASE_IMAGE_END_OF_LIFE(WARNING, "rule.vm.baseImageEndOfLife", Sources.SUPPORTED_IMAGES),
    VM_BASE_IMAGE_UNVERIFIED(INFO, "rule.vm.baseImageUnverified", Sources.SUPPORTED_IMAGES),
    /** 2019 text: third-party images with a plan were banned; 2024 text: allowed if the image definition carries the plan. */
    VM_PURCHASE_PLAN(WARNING, "rule.vm.purchasePlan", Sources.SIG_IMAGES),
    VM_PURCHASE_PLAN_MANAGED(ERROR, "rule.vm.purchasePlanManaged", Sources.CUSTOM_IMAGES),
    VM_TEMP_DRIVE_CHANGED(ERROR, "rule.vm.tempDriveChanged", Sources.SIG_IMAGES),
    VM_NO_TEMP_DRIVE(WARNING, "rule.vm.noTempDrive", Sources.SIG_IMAGES),
    VM_TEMP_DRIVE_UNKNOWN(INFO, "rule.vm.tempDriveUnknown", Sources.SIG_IMAGES),
    VM_OTHER_SUBSCRIPTION(ERROR, "rule.vm.otherSubscription", Sources.CUSTOM_IMAGES),
    VM_OTHER_SUBSCRIPTION_GALLERY(WARNING, "rule.vm.otherSubscriptionGallery", Sources.SIG_IMAGES),
    VM_OTHER_REGION(ERROR, "rule.vm.otherRegion", Sources.CUSTOM_IMAGES),
    VM_OTHER_REGION_GALLERY(INFO, "rule.vm.otherRegionGallery", Sources.SIG_IMAGES),
    VM_OS_DISK_ENCRYPTED(ERROR, "rule.vm.osDiskEncrypted", Sources.SIG_IMAGES),
    VM_OS_DISK_CONFIDENTIAL(ERROR, "rule.vm.osDiskConfidential", Sources.SIG_IMAGES),
    VM_OS_DISK_CUSTOMER_KEY(WARNING, "rule.vm.osDiskCustomerKey", Sources.SIG_IMAGES),
    VM_OS_DISK_ENCRYPTION_UNKNOWN(INFO, "rule.vm.osDiskEncryptionUnknown", Sources.SIG_IMAGES),
    VM_SECURITY_PROFILE(INFO, "rule.vm.securityProfile", Sources.TRUSTED_LAUNCH),
    VM_GENERATION_UNKNOWN(WARNING, "rule.vm.generationUnknown", Sources.GENERATION_2),
    VM_RUNNING(WARNING, "rule.vm.running", Sources.SNAPSHOTS),
    VM_POWER_STATE_TRANSITIONAL(WARNING, "rule.vm.powerStateTransitional", Sources.SNAPSHOTS),
    VM_DATA_DISKS(WARNING, "rule.vm.dataDisks", Sources.SIG_IMAGES),
    VM_OS_DISK_CACHING(INFO, "rule.vm.osDiskCaching", Sources.SIG_IMAGES),

    // --- 2. Image ---
    IMAGE_OS_TYPE_MISMATCH(ERROR, "rule.image.osTypeMismatch", Sources.SIG_IMAGES),
    IMAGE_SPECIALIZED(ERROR, "rule.image.specialized", Sources.SIG_IMAGES),
    IMAGE_GENERATION_MISMATCH(ERROR, "rule.image.generationMismatch", Sources.GENERATION_2),
    IMAGE_SECURITY_TYPE_MISMATCH(ERROR, "rule.image.securityTypeMismatch", Sources.TRUSTED_LAUNCH),
    IMAGE_NO_REPLICA_IN_REGION(ERROR, "rule.image.noReplicaInRegion", Sources.SIG_IMAGES),
    IMAGE_TOO_FEW_REPLICAS(WARNING, "rule.image.tooFewReplicas", Sources.SIG_IMAGES),
    IMAGE_OTHER_SUBSCRIPTION_OK(INFO, "rule.image.otherSubscriptionOk", Sources.SIG_IMAGES),
    IMAGE_OTHER_TENANT(ERROR, "rule.image.otherTenant", Sources.SIG_IMAGES),
    IMAGE_BATCH_PROVIDER_NOT_REGISTERED(ERROR, "rule.image.batchProviderNotRegistered", Sources.SIG_IMAGES),
    IMAGE_PLAN_MISSING(ERROR, "rule.image.planMissing", Sources.SIG_IMAGES),
    IMAGE_PLAN_MISMATCH(ERROR, "rule.image.planMismatch", Sources.SIG_IMAGES),
    IMAGE_MANAGED_RETIRING(WARNING, "rule.image.managedRetiring", Sources.MIGRATE_TO_GALLERY),
    IMAGE_MANAGED_RETIRED_BUILD(WARNING, "rule.image.managedRetiredBuild", Sources.MIGRATE_TO_GALLERY),
    IMAGE_MANAGED_OTHER_REGION(ERROR, "rule.image.managedOtherRegion", Sources.CUSTOM_IMAGES),
    IMAGE_MANAGED_OTHER_SUBSCRIPTION(ERROR, "rule.image.managedOtherSubscription", Sources.CUSTOM_IMAGES),

    // --- 2b. Names (Azure resource naming rules) ---
    NAME_SNAPSHOT_INVALID(ERROR, "rule.name.snapshot", Sources.NAMING),
    NAME_MANAGED_IMAGE_INVALID(ERROR, "rule.name.managedImage", Sources.NAMING),
    NAME_GALLERY_INVALID(ERROR, "rule.name.gallery", Sources.NAMING),
    NAME_IMAGE_DEFINITION_INVALID(ERROR, "rule.name.imageDefinition", Sources.NAMING),
    NAME_VERSION_INVALID(ERROR, "rule.name.version", Sources.GALLERY),
    /** PF-15: publisher, offer and SKU of the image definition's identifier. */
    NAME_IMAGE_IDENTIFIER_INVALID(ERROR, "rule.name.imageIdentifier", Sources.GALLERY),
    /** PF-15: one identifier (publisher/offer/SKU) names one definition per gallery. */
    IMAGE_IDENTIFIER_TAKEN(ERROR, "rule.image.identifierTaken", Sources.GALLERY),
    /** PF-15: a definition of that name exists with another identifier, OS or state: the run would reuse it. */
    IMAGE_DEFINITION_DIFFERS(ERROR, "rule.image.definitionDiffers", Sources.GALLERY),
    /** A plan field that must be an Azure resource id (or a subscription id) of a given shape. */
    RESOURCE_ID_INVALID(ERROR, "rule.plan.resourceIdInvalid", Sources.RESOURCE_IDS),

    // --- 3. Pool ---
    POOL_ID_INVALID(ERROR, "rule.pool.idInvalid", Sources.POOL_ADD),
    POOL_ID_TAKEN(ERROR, "rule.pool.idTaken", Sources.POOL_ADD),
    NODE_AGENT_MISSING(ERROR, "rule.pool.nodeAgentMissing", Sources.SIG_IMAGES),
    NODE_AGENT_UNSUPPORTED(ERROR, "rule.pool.nodeAgentUnsupported", Sources.SUPPORTED_IMAGES),
    NODE_AGENT_OS_MISMATCH(ERROR, "rule.pool.nodeAgentOsMismatch", Sources.SIG_IMAGES),
    NODE_AGENT_DIFFERS(WARNING, "rule.pool.nodeAgentDiffers", Sources.SIG_IMAGES),
    VM_SIZE_UNSUPPORTED(ERROR, "rule.pool.vmSizeUnsupported", Sources.VM_SIZES),
    VM_SIZE_GENERATION(ERROR, "rule.pool.vmSizeGeneration", Sources.POOL_ERRORS),
    /** PF-16: the pool's securityProfile is trustedLaunch and the size cannot run Trusted Launch (its SKU capabilities). */
    VM_SIZE_NO_TRUSTED_LAUNCH(ERROR, "rule.pool.vmSizeNoTrustedLaunch", Sources.TRUSTED_LAUNCH_FAQ),
    VM_SIZE_END_OF_LIFE(WARNING, "rule.pool.vmSizeEndOfLife", Sources.VM_SIZES),
    VM_SIZE_NO_LOW_PRIORITY(ERROR, "rule.pool.vmSizeNoLowPriority", Sources.VM_SIZES),
    POOL_NEGATIVE_NODES(ERROR, "rule.pool.negativeNodes", Sources.POOL_ADD),
    POOL_NO_NODES(ERROR, "rule.pool.noNodes", Sources.POOL_ADD),
    /** Quota doc: 2,000 dedicated (managed-image doc: 2,500); the lower one is the error. */
    POOL_DEDICATED_LIMIT(ERROR, "rule.pool.dedicatedLimit", Sources.QUOTAS),
    POOL_LOW_PRIORITY_LIMIT(ERROR, "rule.pool.lowPriorityLimit", Sources.QUOTAS),
    QUOTA_DEDICATED_CORES(ERROR, "rule.quota.dedicatedCores", Sources.QUOTAS),
    QUOTA_FAMILY_CORES(ERROR, "rule.quota.familyCores", Sources.QUOTAS),
    QUOTA_LOW_PRIORITY_CORES(ERROR, "rule.quota.lowPriorityCores", Sources.QUOTAS),
    QUOTA_POOLS(ERROR, "rule.quota.pools", Sources.QUOTAS),
    QUOTA_HEADROOM(INFO, "rule.quota.headroom", Sources.QUOTAS),
    QUOTA_USER_SUBSCRIPTION(INFO, "rule.quota.userSubscription", Sources.QUOTAS),
    RESIZE_TIMEOUT_TOO_SHORT(ERROR, "rule.pool.resizeTimeoutTooShort", Sources.POOL_ADD),
    /** PoolForge's bound (PlanShapeRules.MAXIMUM_TIMEOUT): Batch documents no maximum. */
    RESIZE_TIMEOUT_TOO_LONG(ERROR, "rule.pool.resizeTimeoutTooLong", Sources.POOL_ADD),
    RESIZE_TIMEOUT_ADVICE(WARNING, "rule.pool.resizeTimeoutAdvice", Sources.SIG_IMAGES),
    RESIZE_IN_STEPS(INFO, "rule.pool.resizeInSteps", Sources.CUSTOM_IMAGES),
    IMAGE_SHARED_WITH_POOL(WARNING, "rule.pool.imageShared", Sources.CUSTOM_IMAGES),
    AUTH_SHARED_KEY(ERROR, "rule.pool.sharedKey", Sources.ENTRA_AUTH),
    POOL_MANAGED_IMAGE_RETIRED(ERROR, "rule.pool.managedImageRetired", Sources.MIGRATE_TO_GALLERY),
    POOL_MANAGED_IMAGE_RETIRING(WARNING, "rule.pool.managedImageRetiring", Sources.MIGRATE_TO_GALLERY),
    /** PF-15: a Marketplace pool's image must be one of Batch's supported images for the account. */
    POOL_MARKETPLACE_IMAGE_UNSUPPORTED(ERROR, "rule.pool.marketplaceImageUnsupported", Sources.SUPPORTED_IMAGES),
    /** PF-15: past its batchSupportEndOfLife, Batch no longer accepts new pools on a Marketplace image. */
    POOL_MARKETPLACE_IMAGE_END_OF_LIFE(ERROR, "rule.pool.marketplaceImageEndOfLife", Sources.SUPPORTED_IMAGES);

    private final Severity severity;
    private final String key;
    private final String source;

    RuleCode(Severity severity, String key, String source) {
        this.severity = severity;
        this.key = key;
        this.source = source;
    }

    public Severity severity() { return severity; }

    public String key() { return key; }

    public String source() { return source; }
}
