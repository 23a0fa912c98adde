package io.poolforge.domain.rules;

/** The Azure documentation pages the rules and diagnoses encode. */
public final class Sources {
    /** Use the Azure Compute Gallery to create a custom image pool (2024). */
    public static final String SIG_IMAGES = "https://learn.microsoft.com/azure/batch/batch-sig-images";
    /** Use a managed image to create a custom image pool (the seed's page; 2019 Spanish version). */
    public static final String CUSTOM_IMAGES = "https://learn.microsoft.com/azure/batch/batch-custom-images";
    /** Migrate Batch custom image pools to Azure Compute Gallery (retirement on 31 March 2026). */
    public static final String MIGRATE_TO_GALLERY =
            "https://learn.microsoft.com/azure/batch/batch-custom-image-pools-to-azure-compute-gallery-migration-guide";
    /** Batch service quotas and limits. */
    public static final String QUOTAS = "https://learn.microsoft.com/azure/batch/batch-quota-limit";
    /** Azure Batch pool and node errors (resize errors, relayed provider errors). */
    public static final String POOL_ERRORS = "https://learn.microsoft.com/azure/batch/batch-pool-node-error-checking";
    /** Batch REST: create pool (pool id, resizeTimeout). */
    public static final String POOL_ADD = "https://learn.microsoft.com/rest/api/batchservice/pool/add";
    /** Batch REST: list supported images (node agent SKUs). */
    public static final String SUPPORTED_IMAGES = "https://learn.microsoft.com/rest/api/batchservice/pool/list-supported-images";
    /** Choose a VM size and image for compute nodes. */
    public static final String VM_SIZES = "https://learn.microsoft.com/azure/batch/batch-pool-vm-sizes";
    /** Authenticate Batch service solutions with Microsoft Entra ID. */
    public static final String ENTRA_AUTH = "https://learn.microsoft.com/azure/batch/batch-aad-auth";
    /** Azure resource naming rules. */
    public static final String NAMING = "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules";
    /** Resource ids: /subscriptions/{subscriptionId}/resourceGroups/{group}/providers/{namespace}/{type}/{name}. */
    public static final String RESOURCE_IDS = "https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid";
    /** Gallery image definitions and versions (Major.Minor.Patch). */
    public static final String GALLERY = "https://learn.microsoft.com/azure/virtual-machines/shared-image-galleries";
    /** Generation 2 VMs. */
    public static final String GENERATION_2 = "https://learn.microsoft.com/azure/virtual-machines/generation-2";
    /** Batch pools with Trusted Launch. */
    public static final String TRUSTED_LAUNCH = "https://learn.microsoft.com/azure/batch/create-pool-trusted-launch";
    /**
     * Trusted Launch FAQ, "How can I find VM sizes that support Trusted Launch?": "Output that includes `TrustedLaunchDisabled
     * True` indicates that the Generation 2 VM size doesn't support Trusted Launch." (azure-compute-docs trusted-launch-faq.md,
     * read 2026-12-07, PF-16).
     */
    public static final String TRUSTED_LAUNCH_FAQ = "https://learn.microsoft.com/azure/virtual-machines/trusted-launch-faq";
    /** Trusted Launch for Azure virtual machines. */
    public static final String TRUSTED_LAUNCH_VMS = "https://learn.microsoft.com/azure/virtual-machines/trusted-launch";
    /** Snapshots of managed disks. */
    public static final String SNAPSHOTS = "https://learn.microsoft.com/azure/virtual-machines/snapshot-copy-managed-disk";
    /** Resource locks. */
    public static final String LOCKS = "https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources";
    /** Batch pools in a virtual network (subnet size). */
    public static final String VIRTUAL_NETWORK = "https://learn.microsoft.com/azure/batch/batch-virtual-network";
    /** Batch node agent (versions, unusable nodes). */
    public static final String NODE_AGENT = "https://learn.microsoft.com/azure/batch/batch-pool-node-error-checking#node-errors";


    // --- PF-18: the sentences the rules rest on, read on 2026-12-07 (Evidence.LAST_CHECKED). One place: RuleCode takes
    // them, docs/RULES.md is generated from RuleCode, RulesHaveEvidenceTest fails on a rule without one. ---

    /** Batch data plane REST definitions (PoolAddParameter, ImageInformation), Microsoft.Batch 2024-07-01.20.0. */
    public static final String BATCH_REST_SPEC =
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/batch/data-plane/Microsoft.Batch/stable/2024-07-01.20.0/BatchService.json";
    /** Batch management REST definitions (SupportedSku, BatchAccountProperties), 2025-06-01. */
    public static final String BATCH_MGMT_SPEC =
            "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/batch/resource-manager/Microsoft.Batch/stable/2025-06-01/BatchManagement.json";
    /** Use Spot VMs with Batch workloads (rewritten 14 April 2026 after the low-priority retirement). */
    public static final String SPOT_VMS = "https://learn.microsoft.com/azure/batch/batch-spot-vms";
    /** Migrate Batch low-priority VMs to Spot VMs (2025-11-20; now redirected to batch-spot-vms). */
    public static final String LOW_PRIORITY_RETIREMENT = "https://learn.microsoft.com/azure/batch/low-priority-vms-retirement-migration-guide";
    /** Compute REST: Virtual Machines - Generalize. */
    public static final String VM_GENERALIZE = "https://learn.microsoft.com/rest/api/compute/virtual-machines/generalize";
    /** Create a custom image of an Azure VM (Windows tutorial: Sysprep, then mark the VM generalized). */
    public static final String GENERALIZE_WINDOWS = "https://learn.microsoft.com/azure/virtual-machines/windows/tutorial-custom-images";
    /** Capture an image of a Linux VM (waagent -deprovision+user, then mark the VM generalized). */
    public static final String GENERALIZE_LINUX = "https://learn.microsoft.com/azure/virtual-machines/linux/capture-image";
    /** Compute REST: gallery image versions (publishingProfile.excludeFromLatest). */
    public static final String GALLERY_IMAGE_VERSIONS = "https://learn.microsoft.com/rest/api/compute/gallery-image-versions/create-or-update";
    /** Troubleshoot Azure Compute Gallery (shared images). */
    public static final String GALLERY_TROUBLESHOOTING =
            "https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/troubleshooting-shared-images";

    private static Evidence e(String url, String quote) {
        return Evidence.of(url, quote);
    }

    // batch-sig-images (2024)
    static final Evidence SIG_MANAGED_DISK = e(SIG_IMAGES,
            "Ensure the VM is created with a managed disk. This is the default storage setting when you create a VM.");
    static final Evidence SIG_NO_EXTENSIONS = e(SIG_IMAGES,
            "Don't install Azure extensions, such as the Custom Script extension, on the VM. If the image contains a "
                    + "pre-installed extension, Azure may encounter problems when deploying the Batch pool.");
    static final Evidence SIG_SUPPORTED_BASE = e(SIG_IMAGES,
            "If you're creating a new VM for the image, use Azure Marketplace image supported by Batch as the base image for your managed image.");
    static final Evidence SIG_PURCHASE_PLAN = e(SIG_IMAGES,
            "If the base image has purchase plan information, ensure that the gallery image has identical purchase plan information as the base image.")
            .note("The 2019 managed-image page banned such bases (\"You can't use a third-party image that has additional license and "
                    + "purchase terms as your base image.\"); the 2024 gallery page allows them with the plan: the newer text wins.");
    static final Evidence SIG_TEMP_DRIVE = e(SIG_IMAGES,
            "Ensure that the base OS image you provide uses the default temp drive. The Batch node agent currently expects the default temp drive.");
    static final Evidence SIG_NOT_ENCRYPTED = e(SIG_IMAGES, "Ensure that the OS disk isn't encrypted.");
    static final Evidence SIG_DATA_DISKS = e(SIG_IMAGES,
            "When using attached data disks, you need to mount and format the disks from within a VM to use them.");
    static final Evidence SIG_CACHING = e(SIG_IMAGES,
            "For faster pool provisioning, use the ReadWrite disk cache setting for the VM's OS disk.");
    static final Evidence SIG_GENERALIZED = e(SIG_IMAGES,
            "Batch only supports generalized Shared Images; a specialized Shared Image can't be used to create a pool.");
    static final Evidence SIG_OTHER_SUBSCRIPTION = e(SIG_IMAGES,
            "If the Shared Image is not in the same subscription as the Batch account, you must register the Microsoft.Batch resource "
                    + "provider for that subscription. The two subscriptions must be in the same Microsoft Entra tenant.");
    static final Evidence SIG_OTHER_REGION = e(SIG_IMAGES,
            "The image can be in a different region as long as it has replicas in the same region as your Batch account.");
    static final Evidence SIG_REPLICAS = e(SIG_IMAGES,
            "For every pool with up to 300 instances, we recommend you keep at least one replica. For example, if you're creating a "
                    + "pool with 3,000 VMs, you should keep at least 10 replicas of your image.");
    static final Evidence SIG_RESIZE_TIMEOUT = e(SIG_IMAGES,
            "For every 1,000 VMs, the recommended resize timeout is at least 15 minutes.");
    static final Evidence SIG_NODE_AGENT = e(SIG_IMAGES,
            "The node agent SKU id must align with the publisher/offer/SKU in order for the node to start.");
    static final Evidence SIG_OS_TYPE = e(SIG_IMAGES,
            "Make sure the OS type and SKU matches the versions specified by --node-agent-sku-id");
    static final Evidence SIG_ENTRA = e(SIG_IMAGES,
            "Authentication using Microsoft Entra ID is required. If you use Shared Key Auth, you will get an authentication error.");
    static final Evidence SIG_SNAPSHOTS = e(SIG_IMAGES,
            "The image should be created from snapshots of the VM's OS disk and optionally its attached data disks.");

    // batch-custom-images (2019, managed images)
    static final Evidence CUSTOM_SAME_SUBSCRIPTION_REGION = e(CUSTOM_IMAGES,
            "The custom image must be a managed image resource in the same Azure subscription and region as the Batch account.");
    static final Evidence CUSTOM_NO_THIRD_PARTY = e(CUSTOM_IMAGES,
            "You can't use a third-party image that has additional license and purchase terms as your base image.")
            .note("Kept for managed images only: a managed image cannot carry plan information; gallery images follow batch-sig-images (2024).");
    static final Evidence CUSTOM_ONE_IMAGE_PER_POOL = e(CUSTOM_IMAGES,
            "If you use the same image (or multiple images based on the same underlying snapshot) to create multiple pools, the total "
                    + "compute nodes in the pools can't exceed the preceding limits. We don't recommend using an image or its underlying "
                    + "snapshot for more than a single pool.");
    static final Evidence CUSTOM_RESIZE_STEPS = e(CUSTOM_IMAGES,
            "If you plan a pool with more than 300 compute nodes, you might need to resize the pool multiple times to reach the target size.");

    // Migration guide (managed images and VHDs retired on 31 March 2026)
    static final Evidence MIGRATE_RETIRED = e(MIGRATE_TO_GALLERY,
            "To ensure reliable infrastructure provisioning at scale, all custom image sources other than Azure Compute Gallery will be "
                    + "retired on March 31, 2026.");

    // batch-quota-limit
    static final Evidence QUOTA_MANAGED_IMAGE_NODES = e(QUOTAS,
            "Compute nodes in pool created with a managed image resource | Dedicated nodes | 2000 | Spot nodes | 1000")
            .note("PF-18: the cap is scoped to managed-image pools; gallery pools are bounded by quotas and replicas (batch-sig-images plans "
                    + "3,000-VM pools with 10 replicas). The 2019 managed-image page said 2,500 dedicated: the quota page is newer and "
                    + "lower, and is followed.");
    static final Evidence QUOTA_DEDICATED = e(QUOTAS,
            "For dedicated nodes, Batch enforces a core quota limit for each VM series, and a total core quota limit for the entire Batch account.");
    static final Evidence QUOTA_SPOT = e(QUOTAS,
            "For Spot nodes, Batch enforces only a total core quota for the Batch account without any distinction between different VM series.");
    static final Evidence QUOTA_USER_SUBSCRIPTION = e(QUOTAS,
            "The Azure Batch core quotas don't apply and the quotas in your subscription for regional compute cores, per-series compute "
                    + "cores, and other resources are used and enforced.");
    static final Evidence QUOTA_POOLS = e(BATCH_MGMT_SPEC, "The pool quota for the Batch account.");
    static final Evidence QUOTA_IS_A_LIMIT = e(QUOTAS, "A quota is a limit, not a capacity guarantee.");

    // Spot (PF-18)
    static final Evidence SPOT_BATCH_SERVICE = e(SPOT_VMS,
            "Batch pools can contain both dedicated VMs and Spot VMs.")
            .note("batch-spot-vms (14 April 2026) no longer says Batch-managed accounts get low-priority VMs, and the quota page counts "
                    + "Spot nodes against the Batch account's core quota (\"For Spot nodes, Batch enforces only a total core quota for the "
                    + "Batch account\"). The retirement guide's FAQ (20 November 2025) said \"Spot VMs are available only in user "
                    + "subscription pool allocation Batch accounts\"; that page now redirects to batch-spot-vms, so the newer text wins: "
                    + "a Batch-service account gets Spot nodes.");
    static final Evidence SPOT_USER_SUBSCRIPTION = e(SPOT_VMS,
            "Batch pools can contain both dedicated VMs and Spot VMs.")
            .note("In user-subscription mode the subscription's regional quotas apply (batch-quota-limit: \"The Azure Batch core quotas "
                    + "don't apply\"); the REST fields keep the name targetLowPriorityNodes.");

    // Batch REST definitions
    static final Evidence REST_POOL_ID = e(BATCH_REST_SPEC,
            "The ID can contain any combination of alphanumeric characters including hyphens and underscores, and cannot contain more than 64 characters.");
    static final Evidence REST_POOL_ID_CASE = e(BATCH_REST_SPEC,
            "The ID is case-preserving and case-insensitive (that is, you may not have two Pool IDs within an Account that differ only by case).");
    /**
     * PF-20 (second pass): a pool of 0 dedicated and 0 Spot nodes is one Azure accepts (create it empty, resize later).
     * BatchManagement.json 2025-06-01, ScaleSettings (read 2026-12-07); the data plane's "you must set either
     * targetDedicatedNodes, targetLowPriorityNodes, or both" asks for the property to be set, not for more than zero.
     */
    static final Evidence MGMT_ZERO_NODES = e(BATCH_MGMT_SPEC,
            "If this property is not specified, the pool will have a fixed scale with 0 targetDedicatedNodes.")
            .note("Microsoft's own example PoolCreate_SharedImageGallery (Microsoft.Batch 2026-08-01) creates a pool without "
                    + "scaleSettings and reads it back with fixedScale targetDedicatedNodes 0 and targetLowPriorityNodes 0. "
                    + "PoolForge refused 0 + 0 before PF-20, reading \"you must set either targetDedicatedNodes, targetLowPriorityNodes, "
                    + "or both\" (BatchService.json) as \"more than zero\", which it does not say; now it is advice: the pool has no "
                    + "nodes until it is resized, and the first-node check is skipped.");
    /**
     * PF-20 (second pass): PoolForge's own bound on a typed node count. Batch documents no per-pool maximum for gallery and
     * Marketplace pools (batch-quota-limit caps only pools "created with a managed image resource", 2,000 / 1,000); the
     * account's core quotas decide below it.
     */
    static final Evidence OWN_NODE_COUNT_MAX = Evidence.ownAdvice(BATCH_MGMT_SPEC,
            "The REST definition of targetDedicatedNodes / targetLowPriorityNodes is an int32 with no documented maximum; "
                    + "PoolForge refuses more than 10,000 of either (PlanShapeRules.MAXIMUM_NODES) as a typo, the largest "
                    + "figure Microsoft's custom-image pages plan for being 3,000 VMs (batch-sig-images).");
    static final Evidence REST_NODE_COUNTS = e(BATCH_MGMT_SPEC,
            "The desired number of dedicated compute nodes in the pool.")
            .note("A count of nodes is never negative; the REST definition is an int32 without a documented minimum.");
    static final Evidence REST_RESIZE_TIMEOUT = e(BATCH_REST_SPEC,
            "The minimum value is 5 minutes. If you specify a value less than 5 minutes, the Batch service returns an error");
    static final Evidence REST_RESIZE_TIMEOUT_MAX = Evidence.ownAdvice(BATCH_REST_SPEC,
            "Batch documents a 5-minute minimum and no maximum; PoolForge refuses more than 7 days as a typo (PlanShapeRules.MAXIMUM_TIMEOUT).");
    static final Evidence REST_IMAGE_END_OF_LIFE = e(BATCH_REST_SPEC,
            "The time when the Azure Batch service will stop accepting create Pool requests for the Image.");
    static final Evidence REST_IMAGE_END_OF_LIFE_SOON = e(BATCH_REST_SPEC,
            "The time when the Azure Batch service will stop accepting create Pool requests for the Image.")
            .note("PF-18: PoolForge warns 90 days ahead (EndOfLife.WARNING_DAYS), its own choice: time to rebuild the image on a newer "
                    + "supported base, test it and replicate it before Batch stops accepting pools.");
    static final Evidence REST_UNVERIFIED = e(BATCH_REST_SPEC,
            "The associated Compute Node agent SKU should have binary compatibility with the Image, but specific functionality has not been verified.");
    static final Evidence REST_NODE_AGENT_MATCH = e(BATCH_REST_SPEC,
            "You must specify a Compute Node agent SKU which matches the selected Image reference.");
    static final Evidence REST_NODE_AGENT_MISSING = e(BATCH_MGMT_SPEC,
            "You must specify a node agent SKU which matches the selected image reference.");
    static final Evidence REST_LATEST = e(BATCH_REST_SPEC,
            "If the image version is not specified in the imageId, the latest version will be used.");
    static final Evidence MGMT_VM_SIZES = e(BATCH_MGMT_SPEC,
            "Gets the list of Batch supported Virtual Machine VM sizes available at the given location.");
    static final Evidence MGMT_VM_SIZE_END_OF_LIFE = e(BATCH_MGMT_SPEC, "The time when Azure Batch service will retire this SKU.");
    static final Evidence MGMT_LOW_PRIORITY_CAPABLE = e(BATCH_MGMT_SPEC,
            "Gets the list of Batch supported Virtual Machine VM sizes available at the given location.")
            .note("Each size lists the capability \"LowPriorityCapable\" (LocationListVirtualMachineSkus example); \"False\" means no Spot nodes.");

    // Naming (resource-name-rules, Microsoft.Compute) and gallery definitions
    static final Evidence NAME_SNAPSHOTS = e(NAMING,
            "snapshots | resource group | 1-80 | Alphanumerics, underscores, periods, and hyphens. Start with alphanumeric. End with alphanumeric or underscore.");
    static final Evidence NAME_IMAGES = e(NAMING,
            "images | resource group | 1-80 | Alphanumerics, underscores, periods, and hyphens. Start with alphanumeric. End with alphanumeric or underscore.");
    static final Evidence NAME_GALLERIES = e(NAMING,
            "galleries | resource group | 1-80 | Alphanumerics and periods. Start and end with alphanumeric.")
            .note("The Compute REST description says \"The allowed characters are alphabets and numbers with dots and periods allowed in "
                    + "the middle\"; neither text names underscores, which PoolForge still accepts (not changed in PF-18: ambiguous, "
                    + "flagged for a check against the service).");
    static final Evidence NAME_IMAGE_DEFINITIONS = e(NAMING,
            "galleries / images | gallery | 1-80 | Alphanumerics, underscores, hyphens, and periods. Start and end with alphanumeric.");
    static final Evidence NAME_VERSIONS = e(NAMING,
            "galleries / images / versions | image | 32-bit integer | Numbers and periods. (Each segment is converted to an int32. "
                    + "So each segment has a max value of 2,147,483,647.)");
    static final Evidence GALLERY_IDENTIFIER_UNIQUE = e(GALLERY_TROUBLESHOOTING,
            "Within a gallery, all image definitions must have a unique combination of publisher, offer, and SKU.");
    static final Evidence GALLERY_IDENTIFIER_CHARS = Evidence.ownAdvice(GALLERY,
            "The 1-64 characters, letters, digits, hyphens, underscores and periods of publisher/offer/SKU were not found as a "
                    + "sentence on 2026-12-07; the rule is kept as written in PF-15 and flagged for a re-read.");
    static final Evidence GALLERY_DEFINITION_REUSED = e(GALLERY_TROUBLESHOOTING,
            "Within a gallery, all image definitions must have a unique combination of publisher, offer, and SKU.")
            .note("PoolForge's run reuses a definition of the planned name, so its identifier, OS type and OS state must be the plan's.");
    static final Evidence RESOURCE_ID_SHAPE = Evidence.ownAdvice(RESOURCE_IDS,
            "The id shape /subscriptions/{id}/resourceGroups/{group}/providers/{namespace}/{type}/{name} is what ARM returns; no "
                    + "single sentence was quoted on 2026-12-07.");

    // Generalization (PF-18)
    static final Evidence SYSPREP_WINDOWS = e(GENERALIZE_WINDOWS,
            "Sysprep removes all your personal account information, among other things, and prepares the machine to be used as an image.")
            .note("Batch only supports generalized Shared Images (batch-sig-images) and PoolForge declares the definition Generalized; a "
                    + "Windows VM that was not sysprepped would give nodes that do not start, so an unconfirmed one is refused.");
    static final Evidence DEPROVISION_LINUX = e(GENERALIZE_LINUX,
            "The +user parameter also removes the last provisioned user account.")
            .note("Linux: waagent -deprovision+user deletes machine-specific files and data (SSH host keys, the last provisioned user); "
                    + "an image taken without it usually still boots, so PoolForge warns instead of refusing.");
    static final Evidence VM_MARKED_GENERALIZED = e(VM_GENERALIZE,
            "Sets the OS state of the virtual machine to generalized. It is recommended to sysprep the virtual machine before performing this operation.")
            .note("A VM marked so reports the status OSState/generalized in its instance view; PoolForge reads it and asks otherwise.");
    static final Evidence EXCLUDE_FROM_LATEST = e(GALLERY_IMAGE_VERSIONS,
            "If set to true, Virtual Machines deployed from the latest version of the Image Definition won't use this Image Version.")
            .note("Batch takes \"the latest version\" when imageId names no version (Batch REST ImageReference); a target region's "
                    + "excludeFromLatest (\"Contains the flag setting to hide an image when users specify version='latest'\") "
                    + "hides the version in that region.");

    // Pages whose sentence for a rule was not found on 2026-12-07 (kept, marked, flagged)
    static final Evidence GEN2_BOOT = e(GENERATION_2,
            "Generation 2 VMs use the new UEFI-based boot architecture rather than the BIOS-based architecture used by generation 1 VMs.");
    static final Evidence OWN_GENERATION_UNKNOWN = GEN2_BOOT
            .note("PoolForge asks for the VM's generation because an image of one generation needs node sizes that boot it.");
    static final Evidence OWN_GENERATION_MISMATCH = GEN2_BOOT
            .note("A definition's Hyper-V generation must be the source disk's: the two boot architectures differ.");
    static final Evidence OWN_VM_SIZE_GENERATION = GEN2_BOOT
            .note("For a size without generation 2, ARM answers \"The selected VM size '…' cannot boot Hypervisor Generation '2'\" "
                    + "(the provider error as public reports quote it).");
    /** PF-16's rule, its sentence as PF-16 read it (2026-12-07). */
    static final Evidence TRUSTED_LAUNCH_SIZES = e(TRUSTED_LAUNCH_FAQ,
            "Output that includes `TrustedLaunchDisabled True` indicates that the Generation 2 VM size doesn't support Trusted Launch.");
    static final Evidence TRUSTED_LAUNCH_DEFAULT = e(TRUSTED_LAUNCH_VMS,
            "Trusted Launch is the default state for newly created Azure Gen2 VM and scale sets.");
    static final Evidence OWN_TRUSTED_LAUNCH = Evidence.ownAdvice(TRUSTED_LAUNCH,
            "Trusted Launch snapshots need a TrustedLaunch definition (DESIGN.md cites trusted-launch-portal); sentence not re-read on 2026-12-07.");
    static final Evidence OWN_SNAPSHOT_RUNNING = Evidence.ownAdvice(SNAPSHOTS,
            "A snapshot of a running VM's disk is crash-consistent; PoolForge advises stopping the VM. No sentence quoted on 2026-12-07.");

    private Sources() {
    }
}
