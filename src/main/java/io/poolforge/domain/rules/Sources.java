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
     * read 2026-12-07).
     */
    public static final String TRUSTED_LAUNCH_FAQ = "https://learn.microsoft.com/azure/virtual-machines/trusted-launch-faq";
    /** Snapshots of managed disks. */
    public static final String SNAPSHOTS = "https://learn.microsoft.com/azure/virtual-machines/snapshot-copy-managed-disk";
    /** Resource locks. */
    public static final String LOCKS = "https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources";
    /** Batch pools in a virtual network (subnet size). */
    public static final String VIRTUAL_NETWORK = "https://learn.microsoft.com/azure/batch/batch-virtual-network";
    /** Batch node agent (versions, unusable nodes). */
    public static final String NODE_AGENT = "https://learn.microsoft.com/azure/batch/batch-pool-node-error-checking#node-errors";

    private Sources() {
    }
}
