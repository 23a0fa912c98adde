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
    VM_UNMANAGED_DISK(ERROR, "rule.vm.unmanagedDisk", Sources.SIG_MANAGED_DISK),
    VM_UNMANAGED_DATA_DISK(ERROR, "rule.vm.unmanagedDataDisk", Sources.SIG_MANAGED_DISK),
    VM_EXTENSIONS_INSTALLED(ERROR, "rule.vm.extensions", Sources.SIG_NO_EXTENSIONS),
    VM_BASE_IMAGE_UNSUPPORTED(ERROR, "rule.vm.baseImageUnsupported", Sources.SIG_SUPPORTED_BASE),
    VM_BASE_IMAGE_NOT_MARKETPLACE(WARNING, "rule.vm.baseImageNotMarketplace", Sources.SIG_SUPPORTED_BASE),
    VM_BASE_IMAGE_END_OF_LIFE(WARNING, "rule.vm.baseImageEndOfLife", Sources.REST_IMAGE_END_OF_LIFE),
    VM_BASE_IMAGE_UNVERIFIED(INFO, "rule.vm.baseImageUnverified", Sources.REST_UNVERIFIED),
    /** 2019 text: third-party images with a plan were banned; 2024 text: allowed if the image definition carries the plan. */
    VM_PURCHASE_PLAN(WARNING, "rule.vm.purchasePlan", Sources.SIG_PURCHASE_PLAN),
    VM_PURCHASE_PLAN_MANAGED(ERROR, "rule.vm.purchasePlanManaged", Sources.CUSTOM_NO_THIRD_PARTY),
    VM_TEMP_DRIVE_CHANGED(ERROR, "rule.vm.tempDriveChanged", Sources.SIG_TEMP_DRIVE),
    VM_NO_TEMP_DRIVE(WARNING, "rule.vm.noTempDrive", Sources.SIG_TEMP_DRIVE),
    VM_TEMP_DRIVE_UNKNOWN(INFO, "rule.vm.tempDriveUnknown", Sources.SIG_TEMP_DRIVE),
    VM_OTHER_SUBSCRIPTION(ERROR, "rule.vm.otherSubscription", Sources.CUSTOM_SAME_SUBSCRIPTION_REGION),
    VM_OTHER_SUBSCRIPTION_GALLERY(WARNING, "rule.vm.otherSubscriptionGallery", Sources.SIG_OTHER_SUBSCRIPTION),
    VM_OTHER_REGION(ERROR, "rule.vm.otherRegion", Sources.CUSTOM_SAME_SUBSCRIPTION_REGION),
    VM_OTHER_REGION_GALLERY(INFO, "rule.vm.otherRegionGallery", Sources.SIG_OTHER_REGION),
    VM_OS_DISK_ENCRYPTED(ERROR, "rule.vm.osDiskEncrypted", Sources.SIG_NOT_ENCRYPTED),
    VM_OS_DISK_CONFIDENTIAL(ERROR, "rule.vm.osDiskConfidential", Sources.SIG_NOT_ENCRYPTED),
    VM_OS_DISK_CUSTOMER_KEY(WARNING, "rule.vm.osDiskCustomerKey", Sources.SIG_NOT_ENCRYPTED),
    VM_OS_DISK_ENCRYPTION_UNKNOWN(INFO, "rule.vm.osDiskEncryptionUnknown", Sources.SIG_NOT_ENCRYPTED),
    VM_SECURITY_PROFILE(INFO, "rule.vm.securityProfile", Sources.TRUSTED_LAUNCH_DEFAULT),
    VM_GENERATION_UNKNOWN(WARNING, "rule.vm.generationUnknown", Sources.OWN_GENERATION_UNKNOWN),
    VM_RUNNING(WARNING, "rule.vm.running", Sources.OWN_SNAPSHOT_RUNNING),
    VM_POWER_STATE_TRANSITIONAL(WARNING, "rule.vm.powerStateTransitional", Sources.OWN_SNAPSHOT_RUNNING),
    VM_DATA_DISKS(WARNING, "rule.vm.dataDisks", Sources.SIG_DATA_DISKS),
    VM_OS_DISK_CACHING(INFO, "rule.vm.osDiskCaching", Sources.SIG_CACHING),

    // --- 2. Image ---
    IMAGE_OS_TYPE_MISMATCH(ERROR, "rule.image.osTypeMismatch", Sources.SIG_OS_TYPE),
    IMAGE_SPECIALIZED(ERROR, "rule.image.specialized", Sources.SIG_GENERALIZED),
    IMAGE_GENERATION_MISMATCH(ERROR, "rule.image.generationMismatch", Sources.OWN_GENERATION_MISMATCH),
    IMAGE_SECURITY_TYPE_MISMATCH(ERROR, "rule.image.securityTypeMismatch", Sources.OWN_TRUSTED_LAUNCH),
    IMAGE_NO_REPLICA_IN_REGION(ERROR, "rule.image.noReplicaInRegion", Sources.SIG_OTHER_REGION),
    IMAGE_TOO_FEW_REPLICAS(WARNING, "rule.image.tooFewReplicas", Sources.SIG_REPLICAS),
    IMAGE_OTHER_SUBSCRIPTION_OK(INFO, "rule.image.otherSubscriptionOk", Sources.SIG_OTHER_SUBSCRIPTION),
    IMAGE_OTHER_TENANT(ERROR, "rule.image.otherTenant", Sources.SIG_OTHER_SUBSCRIPTION),
    IMAGE_BATCH_PROVIDER_NOT_REGISTERED(ERROR, "rule.image.batchProviderNotRegistered", Sources.SIG_OTHER_SUBSCRIPTION),
    IMAGE_PLAN_MISSING(ERROR, "rule.image.planMissing", Sources.SIG_PURCHASE_PLAN),
    IMAGE_PLAN_MISMATCH(ERROR, "rule.image.planMismatch", Sources.SIG_PURCHASE_PLAN),
    IMAGE_MANAGED_RETIRING(WARNING, "rule.image.managedRetiring", Sources.MIGRATE_RETIRED),
    IMAGE_MANAGED_RETIRED_BUILD(WARNING, "rule.image.managedRetiredBuild", Sources.MIGRATE_RETIRED),
    IMAGE_MANAGED_OTHER_REGION(ERROR, "rule.image.managedOtherRegion", Sources.CUSTOM_SAME_SUBSCRIPTION_REGION),
    IMAGE_MANAGED_OTHER_SUBSCRIPTION(ERROR, "rule.image.managedOtherSubscription", Sources.CUSTOM_SAME_SUBSCRIPTION_REGION),

    // --- 2b. Names (Azure resource naming rules) ---
    NAME_SNAPSHOT_INVALID(ERROR, "rule.name.snapshot", Sources.NAME_SNAPSHOTS),
    NAME_MANAGED_IMAGE_INVALID(ERROR, "rule.name.managedImage", Sources.NAME_IMAGES),
    NAME_GALLERY_INVALID(ERROR, "rule.name.gallery", Sources.NAME_GALLERIES),
    NAME_IMAGE_DEFINITION_INVALID(ERROR, "rule.name.imageDefinition", Sources.NAME_IMAGE_DEFINITIONS),
    NAME_VERSION_INVALID(ERROR, "rule.name.version", Sources.NAME_VERSIONS),
    /** PF-15: publisher, offer and SKU of the image definition's identifier. */
    NAME_IMAGE_IDENTIFIER_INVALID(ERROR, "rule.name.imageIdentifier", Sources.GALLERY_IDENTIFIER_CHARS),
    /** PF-15: one identifier (publisher/offer/SKU) names one definition per gallery. */
    IMAGE_IDENTIFIER_TAKEN(ERROR, "rule.image.identifierTaken", Sources.GALLERY_IDENTIFIER_UNIQUE),
    /** PF-15: a definition of that name exists with another identifier, OS or state: the run would reuse it. */
    IMAGE_DEFINITION_DIFFERS(ERROR, "rule.image.definitionDiffers", Sources.GALLERY_DEFINITION_REUSED),
    /** A plan field that must be an Azure resource id (or a subscription id) of a given shape. */
    RESOURCE_ID_INVALID(ERROR, "rule.plan.resourceIdInvalid", Sources.RESOURCE_ID_SHAPE),

    // --- 3. Pool ---
    POOL_ID_INVALID(ERROR, "rule.pool.idInvalid", Sources.REST_POOL_ID),
    POOL_ID_TAKEN(ERROR, "rule.pool.idTaken", Sources.REST_POOL_ID_CASE),
    NODE_AGENT_MISSING(ERROR, "rule.pool.nodeAgentMissing", Sources.REST_NODE_AGENT_MISSING),
    NODE_AGENT_UNSUPPORTED(ERROR, "rule.pool.nodeAgentUnsupported", Sources.REST_NODE_AGENT_MATCH),
    NODE_AGENT_OS_MISMATCH(ERROR, "rule.pool.nodeAgentOsMismatch", Sources.SIG_NODE_AGENT),
    NODE_AGENT_DIFFERS(WARNING, "rule.pool.nodeAgentDiffers", Sources.SIG_NODE_AGENT),
    VM_SIZE_UNSUPPORTED(ERROR, "rule.pool.vmSizeUnsupported", Sources.MGMT_VM_SIZES),
    VM_SIZE_GENERATION(ERROR, "rule.pool.vmSizeGeneration", Sources.OWN_VM_SIZE_GENERATION),
    /** PF-16: the pool's securityProfile is trustedLaunch and the size cannot run Trusted Launch (its SKU capabilities). */
    VM_SIZE_NO_TRUSTED_LAUNCH(ERROR, "rule.pool.vmSizeNoTrustedLaunch", Sources.TRUSTED_LAUNCH_SIZES),
    VM_SIZE_END_OF_LIFE(WARNING, "rule.pool.vmSizeEndOfLife", Sources.MGMT_VM_SIZE_END_OF_LIFE),
    VM_SIZE_NO_LOW_PRIORITY(ERROR, "rule.pool.vmSizeNoLowPriority", Sources.MGMT_LOW_PRIORITY_CAPABLE),
    POOL_NEGATIVE_NODES(ERROR, "rule.pool.negativeNodes", Sources.REST_NODE_COUNTS),
    /** PF-20 (second pass): 0 + 0 is accepted by Azure (create empty, resize later); advice, not an error. */
    POOL_NO_NODES(INFO, "rule.pool.noNodes", Sources.MGMT_ZERO_NODES),
    /** PF-20 (second pass): a typed count above PoolForge's own bound (PlanShapeRules.MAXIMUM_NODES). */
    POOL_TOO_MANY_NODES(ERROR, "rule.pool.tooManyNodes", Sources.OWN_NODE_COUNT_MAX),
    /** Quota doc: 2,000 dedicated (managed-image doc: 2,500); the lower one is the error. */
    POOL_DEDICATED_LIMIT(ERROR, "rule.pool.dedicatedLimit", Sources.QUOTA_MANAGED_IMAGE_NODES),
    POOL_LOW_PRIORITY_LIMIT(ERROR, "rule.pool.lowPriorityLimit", Sources.QUOTA_MANAGED_IMAGE_NODES),
    QUOTA_DEDICATED_CORES(ERROR, "rule.quota.dedicatedCores", Sources.QUOTA_DEDICATED),
    QUOTA_FAMILY_CORES(ERROR, "rule.quota.familyCores", Sources.QUOTA_DEDICATED),
    QUOTA_LOW_PRIORITY_CORES(ERROR, "rule.quota.lowPriorityCores", Sources.QUOTA_SPOT),
    QUOTA_POOLS(ERROR, "rule.quota.pools", Sources.QUOTA_POOLS),
    QUOTA_HEADROOM(INFO, "rule.quota.headroom", Sources.QUOTA_IS_A_LIMIT),
    QUOTA_USER_SUBSCRIPTION(INFO, "rule.quota.userSubscription", Sources.QUOTA_USER_SUBSCRIPTION),
    RESIZE_TIMEOUT_TOO_SHORT(ERROR, "rule.pool.resizeTimeoutTooShort", Sources.REST_RESIZE_TIMEOUT),
    /** PoolForge's bound (PlanShapeRules.MAXIMUM_TIMEOUT): Batch documents no maximum. */
    RESIZE_TIMEOUT_TOO_LONG(ERROR, "rule.pool.resizeTimeoutTooLong", Sources.REST_RESIZE_TIMEOUT_MAX),
    RESIZE_TIMEOUT_ADVICE(WARNING, "rule.pool.resizeTimeoutAdvice", Sources.SIG_RESIZE_TIMEOUT),
    RESIZE_IN_STEPS(INFO, "rule.pool.resizeInSteps", Sources.CUSTOM_RESIZE_STEPS),
    IMAGE_SHARED_WITH_POOL(WARNING, "rule.pool.imageShared", Sources.CUSTOM_ONE_IMAGE_PER_POOL),
    AUTH_SHARED_KEY(ERROR, "rule.pool.sharedKey", Sources.SIG_ENTRA),
    POOL_MANAGED_IMAGE_RETIRED(ERROR, "rule.pool.managedImageRetired", Sources.MIGRATE_RETIRED),
    POOL_MANAGED_IMAGE_RETIRING(WARNING, "rule.pool.managedImageRetiring", Sources.MIGRATE_RETIRED),
    /** PF-15: a Marketplace pool's image must be one of Batch's supported images for the account. */
    POOL_MARKETPLACE_IMAGE_UNSUPPORTED(ERROR, "rule.pool.marketplaceImageUnsupported", Sources.REST_NODE_AGENT_MATCH),
    /** PF-15: past its batchSupportEndOfLife, Batch no longer accepts new pools on a Marketplace image. */
    POOL_MARKETPLACE_IMAGE_END_OF_LIFE(ERROR, "rule.pool.marketplaceImageEndOfLife", Sources.REST_IMAGE_END_OF_LIFE),

    // --- PF-18 ---
    /** A Marketplace image whose batchSupportEndOfLife is within {@link EndOfLife#WARNING_DAYS} days. */
    POOL_MARKETPLACE_IMAGE_END_OF_LIFE_SOON(WARNING, "rule.pool.marketplaceImageEndOfLifeSoon", Sources.REST_IMAGE_END_OF_LIFE_SOON),
    /** The node agent SKU of a custom-image pool: its supported images end support within the warning window (or did). */
    NODE_AGENT_END_OF_LIFE(WARNING, "rule.pool.nodeAgentEndOfLife", Sources.REST_IMAGE_END_OF_LIFE_SOON),
    /** Windows source VM not confirmed as sysprepped (instance view or the image step's answer): the image would not start. */
    IMAGE_SOURCE_NOT_SYSPREPPED(ERROR, "rule.image.notSysprepped", Sources.SYSPREP_WINDOWS),
    /** Linux source VM not confirmed as deprovisioned with waagent -deprovision+user. */
    IMAGE_SOURCE_NOT_DEPROVISIONED(WARNING, "rule.image.notDeprovisioned", Sources.DEPROVISION_LINUX),
    /** Which kind of preemptible node a Batch-service account gets (Spot, since the low-priority retirement). */
    POOL_SPOT_NODES_BATCH_SERVICE(INFO, "rule.pool.spotBatchService", Sources.SPOT_BATCH_SERVICE),
    /** Which kind of preemptible node a user-subscription account gets (Spot, on the subscription's quotas). */
    POOL_SPOT_NODES_USER_SUBSCRIPTION(INFO, "rule.pool.spotUserSubscription", Sources.SPOT_USER_SUBSCRIPTION),
    /** "latest" of a gallery definition as Batch resolves it: the highest version not excluded from latest. */
    IMAGE_LATEST_VERSION(INFO, "rule.image.latestVersion", Sources.EXCLUDE_FROM_LATEST),

    // --- PF-22: the plan against the account's real facts, before anything is made (run.Preflight.realFacts) ---
    /** A subscription the plan names cannot be reached with this sign-in (not found, another tenant, no access). */
    SUBSCRIPTION_UNREACHABLE(ERROR, "rule.plan.subscriptionUnreachable", Evidence.of(
            "https://learn.microsoft.com/rest/api/resources/subscriptions/list", "Gets all subscriptions for a tenant.")
            .note("PoolForge asks ARM's Providers - Get of each subscription the plan names: 401, 403 or 404 means this sign-in cannot reach it.")),
    /** A resource provider the plan needs is not registered in a subscription where the plan makes its resources. */
    PROVIDER_NOT_REGISTERED(ERROR, "rule.plan.providerNotRegistered", Evidence.of(
            "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-providers-and-types",
            "Before you use a resource provider, you must make sure your Azure subscription is registered for the resource provider.")),
    /** The plan's Batch account does not exist. */
    BATCH_ACCOUNT_NOT_FOUND(ERROR, "rule.plan.batchAccountNotFound", Evidence.of(
            "https://learn.microsoft.com/rest/api/batchmanagement/batch-account/get", "Gets information about the specified Batch account.")
            .note("PoolForge lists the subscription's Batch accounts; the plan's is not among them.")),
    /** The plan's batchAccount.location is not where Azure has the account. */
    BATCH_ACCOUNT_LOCATION_MISMATCH(ERROR, "rule.plan.accountLocationMismatch", Evidence.ownAdvice(
            "https://learn.microsoft.com/rest/api/batchmanagement/batch-account/get",
            "The plan's location is what its image replicas and pool were chosen for; Azure's account location is the fact, so a plan that contradicts it was made for another account.")),
    /** The plan's source VM does not exist. */
    VM_NOT_FOUND(ERROR, "rule.plan.vmNotFound", Evidence.of(
            "https://learn.microsoft.com/rest/api/compute/virtual-machines/get",
            "Retrieves information about the model view or the instance view of a virtual machine.")
            .note("Azure answers 404 for a VM that does not exist; PoolForge reads the VM before anything is made."));

    private final Severity severity;
    private final String key;
    private final Evidence evidence;

    RuleCode(Severity severity, String key, Evidence evidence) {
        this.severity = severity;
        this.key = key;
        this.evidence = evidence;
    }

    public Severity severity() { return severity; }

    public String key() { return key; }

    /** The page the rule encodes (the evidence's URL). */
    public String source() { return evidence == null ? null : evidence.url(); }

    /** The page, the sentence and the date it was last read (PF-18). */
    public Evidence evidence() { return evidence; }
}
