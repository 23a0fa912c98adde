package io.poolforge.sandbox.batch.engine;

import java.time.LocalDate;

/**
 * PF-18: every rule the sandbox enforces on Batch pools, with the page it follows, the sentence quoted from it and the
 * day it was read. The sandbox stands in for Azure and must not share PoolForge's rules (ArchitectureTest), so it keeps
 * its own register; {@link PoolRules} refuses or fails only through one of these, and SandboxEnforcementEvidenceTest
 * fails on one without a source, a sentence or a date.
 */
public enum Enforcement {
    MARKETPLACE_IMAGE_SUPPORTED(
            "https://learn.microsoft.com/rest/api/batchservice/pool/list-supported-images",
            "You must specify a Compute Node agent SKU which matches the selected Image reference."),
    MARKETPLACE_IMAGE_END_OF_LIFE(
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/batch/data-plane/Microsoft.Batch/stable/2024-07-01.20.0/BatchService.json",
            "The time when the Azure Batch service will stop accepting create Pool requests for the Image."),
    MANAGED_IMAGE_RETIRED(
            "https://learn.microsoft.com/azure/batch/batch-custom-image-pools-to-azure-compute-gallery-migration-guide",
            "all custom image sources other than Azure Compute Gallery will be retired on March 31, 2026."),
    MANAGED_IMAGE_SAME_SUBSCRIPTION_REGION(
            "https://learn.microsoft.com/azure/batch/batch-custom-images",
            "The custom image must be a managed image resource in the same Azure subscription and region as the Batch account."),
    GALLERY_OTHER_SUBSCRIPTION(
            "https://learn.microsoft.com/azure/batch/batch-sig-images",
            "If the Shared Image is not in the same subscription as the Batch account, you must register the Microsoft.Batch resource "
                    + "provider for that subscription."),
    GALLERY_GENERALIZED_ONLY(
            "https://learn.microsoft.com/azure/batch/batch-sig-images",
            "Batch only supports generalized Shared Images; a specialized Shared Image can't be used to create a pool."),
    GALLERY_REPLICA_IN_REGION(
            "https://learn.microsoft.com/azure/batch/batch-sig-images",
            "The image can be in a different region as long as it has replicas in the same region as your Batch account."),
    GALLERY_LATEST_VERSION(
            "https://learn.microsoft.com/rest/api/compute/gallery-image-versions/create-or-update",
            "If set to true, Virtual Machines deployed from the latest version of the Image Definition won't use this Image Version."),
    GALLERY_LATEST_REGION(
            "https://learn.microsoft.com/rest/api/compute/gallery-image-versions/create-or-update",
            "Contains the flag setting to hide an image when users specify version='latest'"),
    IMAGE_SOURCE_DELETED(
            "https://learn.microsoft.com/azure/batch/batch-custom-images",
            "The resource for the managed image must exist for the lifetime of the pool. If the underlying resource is deleted, the pool cannot be scaled."),
    VM_SIZE_GENERATION(
            "https://learn.microsoft.com/azure/batch/batch-pool-node-error-checking",
            "The selected VM size '…' cannot boot Hypervisor Generation '2'. (provider error as quoted in public reports)"),
    /** PF-16's enforcement (its sources in PoolRules.TRUSTED_LAUNCH_ONLY), registered by PF-18. */
    TRUSTED_LAUNCH_IMAGE_NEEDS_PROFILE(
            "https://github.com/hashicorp/terraform-provider-azurerm/issues/23148",
            "The provided gallery image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type."),
    DEDICATED_CORE_QUOTA(
            "https://learn.microsoft.com/azure/batch/batch-quota-limit",
            "For dedicated nodes, Batch enforces a core quota limit for each VM series, and a total core quota limit for the entire Batch account."),
    SPOT_CORE_QUOTA(
            "https://learn.microsoft.com/azure/batch/batch-quota-limit",
            "For Spot nodes, Batch enforces only a total core quota for the Batch account without any distinction between different VM series."),
    USER_SUBSCRIPTION_QUOTAS(
            "https://learn.microsoft.com/azure/batch/batch-quota-limit",
            "The Azure Batch core quotas don't apply and the quotas in your subscription for regional compute cores, per-series "
                    + "compute cores, and other resources are used and enforced."),
    MANAGED_IMAGE_NODE_LIMIT(
            "https://learn.microsoft.com/azure/batch/batch-quota-limit",
            "Compute nodes in pool created with a managed image resource | Dedicated nodes | 2000 | Spot nodes | 1000"),
    NODE_AGENT_MATCHES_IMAGE(
            "https://learn.microsoft.com/azure/batch/batch-sig-images",
            "The node agent SKU id must align with the publisher/offer/SKU in order for the node to start."),
    POOL_ID(
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/batch/data-plane/Microsoft.Batch/stable/2024-07-01.20.0/BatchService.json",
            "The ID can contain any combination of alphanumeric characters including hyphens and underscores, and cannot contain more than 64 characters."),
    VM_SIZE_SUPPORTED(
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/batch/resource-manager/Microsoft.Batch/stable/2025-06-01/BatchManagement.json",
            "Gets the list of Batch supported Virtual Machine VM sizes available at the given location."),
    NODE_AGENT_SUPPORTED(
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/batch/data-plane/Microsoft.Batch/stable/2024-07-01.20.0/BatchService.json",
            "You must specify a Compute Node agent SKU which matches the selected Image reference."),
    RESIZE_TIMEOUT_MINIMUM(
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/batch/data-plane/Microsoft.Batch/stable/2024-07-01.20.0/BatchService.json",
            "The minimum value is 5 minutes. If you specify a value less than 5 minutes, the Batch service returns an error"),
    RESIZE_TIMEOUT_FORMAT(
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/batch/resource-manager/Microsoft.Batch/stable/2025-06-01/BatchManagement.json",
            "Timeout values use ISO 8601 format. For example, use PT10M for 10 minutes."),
    /**
     * PF-17: a ReadOnly lock on the pool's image or a scope above it. The lock page's sentence, with batch-sig-images'
     * "more than Reader" (Microsoft.Compute/disks/beginGetAccess/action): a lock that leaves only Reader's permissions
     * leaves Batch without the one it needs. What Batch reports then is documented nowhere: the generic resize text only.
     */
    IMAGE_READ_ONLY_LOCK(
            "https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources",
            "ReadOnly means authorized users can read a resource, but they can't delete or update the resource. Applying this lock is "
                    + "similar to restricting all authorized users to the permissions granted by the Reader role."),
    /** Not an Azure rule: what the sandbox does not emulate (it says so in its message). */
    SANDBOX_FIXED_SCALE_ONLY(
            "docs/SANDBOX.md",
            "The sandbox supports scaleSettings.fixedScale only (a limit of the emulator, not of Batch)."),
    IMAGE_REFERENCE_KIND(
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/batch/data-plane/Microsoft.Batch/stable/2024-07-01.20.0/BatchService.json",
            "This property is mutually exclusive with other ImageReference properties.");

    /** The day these were read against their sources. */
    public static final LocalDate CHECKED = LocalDate.of(2026, 12, 7);

    private final String source;
    private final String quote;

    Enforcement(String source, String quote) {
        this.source = source;
        this.quote = quote;
    }

    public String source() { return source; }

    public String quote() { return quote; }

    public LocalDate checked() { return CHECKED; }
}
