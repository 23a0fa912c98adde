package io.poolforge.domain;

import java.util.List;
import java.util.Objects;

/**
 * What PoolForge knows about a candidate source VM. {@code imageReference} is the VM's source image
 * (Marketplace or custom id), null if unknown; {@code plan} is its Marketplace purchase plan or null;
 * {@code hyperVGeneration} null when unknown; {@code uefiSettings} the VM's secure boot and vTPM (PF-16: the pool gets them).
 */
public record VmSummary(String id, String name, String subscriptionId, String resourceGroup, String location,
                        OsType osType, String vmSize, PowerState powerState, DiskRef osDisk, List<DiskRef> dataDisks,
                        ImageReference imageReference, PurchasePlan plan, List<VmExtensionRef> extensions,
                        SecurityType securityType, HyperVGeneration hyperVGeneration, DiskEncryption osDiskEncryption,
                        TempDrive tempDrive, UefiSettings uefiSettings) {
    /** Without UEFI settings (not read). */
    public VmSummary(String id, String name, String subscriptionId, String resourceGroup, String location,
                     OsType osType, String vmSize, PowerState powerState, DiskRef osDisk, List<DiskRef> dataDisks,
                     ImageReference imageReference, PurchasePlan plan, List<VmExtensionRef> extensions,
                     SecurityType securityType, HyperVGeneration hyperVGeneration, DiskEncryption osDiskEncryption,
                     TempDrive tempDrive) {
        this(id, name, subscriptionId, resourceGroup, location, osType, vmSize, powerState, osDisk, dataDisks, imageReference, plan,
                extensions, securityType, hyperVGeneration, osDiskEncryption, tempDrive, null);
    }

    public VmSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(osDisk, "osDisk");
        dataDisks = dataDisks == null ? List.of() : List.copyOf(dataDisks);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        if (powerState == null) powerState = PowerState.UNKNOWN;
        if (securityType == null) securityType = SecurityType.STANDARD;
        if (osDiskEncryption == null) osDiskEncryption = DiskEncryption.UNKNOWN;
        if (tempDrive == null) tempDrive = TempDrive.UNKNOWN;
        if (uefiSettings == null) uefiSettings = UefiSettings.UNKNOWN;
    }
}
