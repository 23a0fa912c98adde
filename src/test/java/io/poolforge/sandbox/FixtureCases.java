package io.poolforge.sandbox;

import static io.poolforge.sandbox.FixtureShapeTest.S;
import static io.poolforge.sandbox.FixtureShapeTest.set;

import com.azure.resourcemanager.batch.fluent.models.BatchAccountInner;
import com.azure.resourcemanager.batch.fluent.models.BatchLocationQuotaInner;
import com.azure.resourcemanager.batch.fluent.models.PoolInner;
import com.azure.resourcemanager.batch.models.BatchAccountListResult;
import com.azure.resourcemanager.batch.models.ListPoolsResult;
import com.azure.resourcemanager.batch.models.SupportedSkusResult;
import com.azure.resourcemanager.compute.fluent.models.DiskInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.fluent.models.ImageInner;
import com.azure.resourcemanager.compute.fluent.models.SnapshotInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.models.VirtualMachineListResult;
import io.poolforge.sandbox.FixtureShapeTest.Case;
import io.poolforge.sandbox.FixtureShapeTest.Mode;
import io.poolforge.sandbox.arm.compute.ComputePayloads;
import io.poolforge.sandbox.state.Ids;

/** The examples and their documented differences (docs/SANDBOX.md, "Payload fidelity"). */
final class FixtureCases {
    private static final String C = "compute/resource-manager/Microsoft.Compute/";
    private static final String B = "batch/resource-manager/Microsoft.Batch/";
    private static final String D = "batch/data-plane/Azure.Batch/stable/2025-06-01/examples/";
    private static final String RG = S + "/resourceGroups/";
    private static final String ACCT = RG + "rg-batch/providers/Microsoft.Batch/batchAccounts/pfdemobatchweu";

    /** The OS disk of the demo's third-party (purchase plan) VM. */
    private static final String OS_DISK = "vm-thirdparty-cis_OsDisk_1_" + ComputePayloads.uuid(
            Ids.res(SandboxExtension.SUB, "rg-render", "Microsoft.Compute/virtualMachines", "vm-thirdparty-cis")).replace("-", "").substring(0, 32);

    static final Case[] ALL = {
        new Case(C + "ComputeRP/stable/2025-11-01/examples/virtualMachineExamples/VirtualMachine_Get.json",
                RG + "rg-render/providers/Microsoft.Compute/virtualMachines/vm-with-extension?api-version=2025-04-01&$expand=userData",
                VirtualMachineInner.class, set("managedBy",
                        "properties.applicationProfile",
                        "properties.applicationProfile.galleryApplications",
                        "properties.applicationProfile.galleryApplications[].configurationReference",
                        "properties.applicationProfile.galleryApplications[].order",
                        "properties.applicationProfile.galleryApplications[].packageReferenceId",
                        "properties.applicationProfile.galleryApplications[].tags",
                        "properties.availabilitySet",
                        "properties.availabilitySet.id",
                        "properties.proximityPlacementGroup",
                        "properties.proximityPlacementGroup.id"), set("properties.osProfile.allowExtensionOperations",
                        "properties.osProfile.requireGuestProvisionSignal",
                        "properties.storageProfile.dataDisks[].deleteOption",
                        "properties.storageProfile.dataDisks[].toBeDetached",
                        "properties.storageProfile.diskControllerType",
                        "properties.storageProfile.imageReference.exactVersion",
                        "properties.storageProfile.osDisk.deleteOption"), Mode.EXACT),
        new Case(C + "ComputeRP/stable/2025-04-01/examples/virtualMachineExamples/VirtualMachine_ListAll_MinimumSet_Gen.json",
                S + "/providers/Microsoft.Compute/virtualMachines?api-version=2025-04-01", VirtualMachineListResult.class, set(), set(), Mode.MINIMUM_SET),
        new Case(C + "ComputeRP/stable/2025-11-01/examples/virtualMachineExamples/VirtualMachine_List_MaximumSet_Gen.json",
                RG + "rg-render/providers/Microsoft.Compute/virtualMachines?api-version=2025-04-01", VirtualMachineListResult.class, set(), set("value[].etag",
                        "value[].properties.storageProfile.diskControllerType",
                        // The maximum-set example lists "dataDisks": [] (no member to compare); the sandbox's rg-render now holds a VM
                        // with data disks on its first page. Their members are VirtualMachine_Get.json's (lun, name, createOption, caching,
                        // managedDisk, diskSizeGB) plus deleteOption and toBeDetached, which the SDK's DataDisk model reads (the parse below).
                        "value[].properties.storageProfile.dataDisks[].caching", "value[].properties.storageProfile.dataDisks[].createOption",
                        "value[].properties.storageProfile.dataDisks[].deleteOption", "value[].properties.storageProfile.dataDisks[].diskSizeGB",
                        "value[].properties.storageProfile.dataDisks[].lun", "value[].properties.storageProfile.dataDisks[].managedDisk",
                        "value[].properties.storageProfile.dataDisks[].managedDisk.id",
                        "value[].properties.storageProfile.dataDisks[].managedDisk.storageAccountType",
                        "value[].properties.storageProfile.dataDisks[].name", "value[].properties.storageProfile.dataDisks[].toBeDetached"),
                        Mode.MAXIMUM_SET),
        new Case(C + "ComputeRP/stable/2025-11-01/examples/imageExamples/Image_Get.json",
                RG + "rg-images/providers/Microsoft.Compute/images/img-render-2019?api-version=2025-04-01", ImageInner.class, set("properties.storageProfile.dataDisks[].blobUri",
                        "properties.storageProfile.dataDisks[].lun",
                        "properties.storageProfile.dataDisks[].managedDisk",
                        "properties.storageProfile.dataDisks[].managedDisk.id",
                        "properties.storageProfile.dataDisks[].snapshot",
                        "properties.storageProfile.dataDisks[].snapshot.id",
                        "properties.storageProfile.dataDisks[].storageAccountType",
                        "properties.storageProfile.osDisk.blobUri",
                        "properties.storageProfile.osDisk.managedDisk",
                        "properties.storageProfile.osDisk.managedDisk.id"), set("properties.hyperVGeneration",
                        "properties.storageProfile.osDisk.caching",
                        "tags"), Mode.EXACT),
        new Case(C + "GalleryRP/stable/2025-03-03/examples/galleryExamples/GalleryImageVersion_Get_WithReplicationStatus.json",
                RG + "rg-images/providers/Microsoft.Compute/galleries/gal_pf_images/images/ubuntu2204-render/versions/1.0.0"
                        + "?api-version=2024-03-03&$expand=ReplicationStatus", GalleryImageVersionInner.class, set("properties.publishingProfile.targetRegions[].encryption",
                        "properties.publishingProfile.targetRegions[].encryption.dataDiskImages",
                        "properties.publishingProfile.targetRegions[].encryption.dataDiskImages[].diskEncryptionSetId",
                        "properties.publishingProfile.targetRegions[].encryption.dataDiskImages[].lun",
                        "properties.publishingProfile.targetRegions[].encryption.osDiskImage",
                        "properties.publishingProfile.targetRegions[].encryption.osDiskImage.diskEncryptionSetId",
                        "properties.safetyProfile.policyViolations",
                        "properties.safetyProfile.policyViolations[].category",
                        "properties.safetyProfile.policyViolations[].details",
                        "properties.storageProfile.dataDiskImages[].hostCaching",
                        "properties.storageProfile.dataDiskImages[].lun",
                        "properties.storageProfile.dataDiskImages[].sizeInGB",
                        "properties.storageProfile.source",
                        "properties.storageProfile.source.id"), set("properties.publishingProfile.excludeFromLatest",
                        "properties.storageProfile.osDiskImage.source",
                        "properties.storageProfile.osDiskImage.source.id",
                        "type"), Mode.EXACT),
        new Case(C + "Compute/stable/2026-03-02/examples/diskExamples/Disk_Get.json",
                RG + "rg-render/providers/Microsoft.Compute/disks/" + OS_DISK + "?api-version=2025-01-02", DiskInner.class, set("properties.encryptionSettingsCollection",
                        "properties.encryptionSettingsCollection.enabled",
                        "properties.encryptionSettingsCollection.encryptionSettings",
                        "properties.encryptionSettingsCollection.encryptionSettings[].diskEncryptionKey",
                        "properties.encryptionSettingsCollection.encryptionSettings[].diskEncryptionKey.secretUrl",
                        "properties.encryptionSettingsCollection.encryptionSettings[].diskEncryptionKey.sourceVault",
                        "properties.encryptionSettingsCollection.encryptionSettings[].diskEncryptionKey.sourceVault.id",
                        "properties.encryptionSettingsCollection.encryptionSettings[].keyEncryptionKey",
                        "properties.encryptionSettingsCollection.encryptionSettings[].keyEncryptionKey.keyUrl",
                        "properties.encryptionSettingsCollection.encryptionSettings[].keyEncryptionKey.sourceVault",
                        "properties.encryptionSettingsCollection.encryptionSettings[].keyEncryptionKey.sourceVault.id",
                        "properties.securityProfile",
                        "properties.securityProfile.securityType",
                        "properties.supportsHibernation"), set("properties.diskSizeBytes",
                        "properties.diskState",
                        "properties.supportedCapabilities.architecture",
                        "properties.uniqueId",
                        "sku.tier"), Mode.EXACT),
        new Case(C + "DiskRP/stable/2025-01-02/examples/snapshotExamples/Snapshot_Get.json",
                RG + "rg-images/providers/Microsoft.Compute/snapshots/snap-golden-os-2024?api-version=2025-01-02", SnapshotInner.class, set("properties.encryptionSettingsCollection",
                        "properties.encryptionSettingsCollection.enabled",
                        "properties.encryptionSettingsCollection.encryptionSettings",
                        "properties.encryptionSettingsCollection.encryptionSettings[].diskEncryptionKey",
                        "properties.encryptionSettingsCollection.encryptionSettings[].diskEncryptionKey.secretUrl",
                        "properties.encryptionSettingsCollection.encryptionSettings[].diskEncryptionKey.sourceVault",
                        "properties.encryptionSettingsCollection.encryptionSettings[].diskEncryptionKey.sourceVault.id",
                        "properties.encryptionSettingsCollection.encryptionSettings[].keyEncryptionKey",
                        "properties.encryptionSettingsCollection.encryptionSettings[].keyEncryptionKey.keyUrl",
                        "properties.encryptionSettingsCollection.encryptionSettings[].keyEncryptionKey.sourceVault",
                        "properties.encryptionSettingsCollection.encryptionSettings[].keyEncryptionKey.sourceVault.id",
                        "properties.purchasePlan",
                        "properties.purchasePlan.name",
                        "properties.purchasePlan.product",
                        "properties.purchasePlan.publisher",
                        "properties.supportsHibernation"), set("properties.diskSizeBytes",
                        "properties.diskState",
                        "properties.incremental",
                        "properties.supportedCapabilities.architecture",
                        "properties.uniqueId",
                        "sku",
                        "sku.name",
                        "sku.tier"), Mode.EXACT),
        new Case(B + "Batch/examples/2026-08-01/BatchAccountList.json",
                S + "/providers/Microsoft.Batch/batchAccounts?api-version=2024-07-01", BatchAccountListResult.class, set(), set("value[].properties.allowedAuthenticationModes",
                        "value[].properties.autoStorage.authenticationMode",
                        "value[].properties.dedicatedCoreQuotaPerVMFamily",
                        "value[].properties.dedicatedCoreQuotaPerVMFamilyEnforced",
                        "value[].properties.dedicatedCoreQuotaPerVMFamily[].coreQuota",
                        "value[].properties.dedicatedCoreQuotaPerVMFamily[].name",
                        "value[].properties.keyVaultReference",
                        "value[].properties.keyVaultReference.id",
                        "value[].properties.keyVaultReference.url",
                        "value[].properties.nodeManagementEndpoint"), Mode.EXACT),
        new Case(B + "Batch/stable/2026-08-01/examples/BatchAccountGet.json", ACCT + "?api-version=2024-07-01",
                BatchAccountInner.class, set(), set("properties.allowedAuthenticationModes",
                        "properties.autoStorage.authenticationMode",
                        "properties.dedicatedCoreQuotaPerVMFamily",
                        "properties.dedicatedCoreQuotaPerVMFamilyEnforced",
                        "properties.dedicatedCoreQuotaPerVMFamily[].coreQuota",
                        "properties.dedicatedCoreQuotaPerVMFamily[].name",
                        "properties.nodeManagementEndpoint"), Mode.EXACT),
        new Case(B + "Batch/examples/2026-08-01/LocationGetQuotas.json",
                S + "/providers/Microsoft.Batch/locations/westeurope/quotas?api-version=2024-07-01", BatchLocationQuotaInner.class, set(), set(), Mode.EXACT),
        new Case(B + "Batch/stable/2026-08-01/examples/LocationListVirtualMachineSkus.json",
                S + "/providers/Microsoft.Batch/locations/westeurope/virtualMachineSkus?api-version=2024-07-01", SupportedSkusResult.class, set(), set(), Mode.EXACT),
        new Case(B + "Batch/examples/2026-08-01/PoolList.json", ACCT + "/pools?api-version=2024-07-01", ListPoolsResult.class, set("value[].properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.offer",
                        "value[].properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.publisher",
                        "value[].properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.sku",
                        "value[].properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.version"), set("value[].etag",
                        "value[].properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.id",
                        "value[].properties.displayName",
                        "value[].properties.resizeOperationStatus.errors[].details",
                        "value[].properties.resizeOperationStatus.errors[].details[].code",
                        "value[].properties.resizeOperationStatus.errors[].details[].message"), Mode.EXACT),
        new Case(B + "Batch/stable/2026-08-01/examples/PoolGet.json", ACCT + "/pools/render-gallery?api-version=2024-07-01",
                PoolInner.class, set("properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.offer",
                        "properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.publisher",
                        "properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.sku",
                        "properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.version"), set("etag",
                        "properties.deploymentConfiguration.virtualMachineConfiguration.imageReference.id",
                        "properties.displayName"), Mode.EXACT),
        new Case(D + "Pools_ListPoolNodeCounts.json", "/batch/pfdemobatchweu/nodecounts?api-version=2024-07-01.20.0", null, set(), set("odata.metadata"), Mode.EXACT),
        new Case(D + "Pools_GetPool_Basic.json", "/batch/pfdemobatchweu/pools/render-gallery?api-version=2024-07-01.20.0", null, set("virtualMachineConfiguration.imageReference.offer",
                        "virtualMachineConfiguration.imageReference.publisher",
                        "virtualMachineConfiguration.imageReference.sku",
                        "virtualMachineConfiguration.imageReference.version"), set("metadata",
                        "metadata[].name",
                        "metadata[].value",
                        "virtualMachineConfiguration.imageReference.virtualMachineImageId"), Mode.EXACT),
        new Case(D + "Pools_ListSupportedImages.json", "/batch/pfdemobatchweu/supportedimages?api-version=2024-07-01.20.0", null, set(), set("odata.metadata"), Mode.EXACT),
    };

    private FixtureCases() {
    }
}
