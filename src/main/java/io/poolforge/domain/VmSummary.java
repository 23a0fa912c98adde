package io.poolforge.domain;

import java.util.List;
import java.util.Objects;

/**
 * What PoolForge knows about a candidate source VM. {@code imageReference} is the VM's source image
 * (Marketplace or custom id), null if unknown; {@code plan} is its Marketplace purchase plan or null;
 * {@code hyperVGeneration} null when unknown; {@code uefiSettings} the VM's secure boot and vTPM (PF-16: the pool gets them).
 * {@code markedGeneralized} (PF-18): the instance view reports the status {@code OSState/generalized} (the VM was marked
 * generalized, "Virtual Machines - Generalize"), or the user confirmed on the image step that it was generalized; false
 * when neither, which does not mean the guest was not sysprepped: the image step then asks.
 */
public record VmSummary(String id, String name, String subscriptionId, String resourceGroup, String location,
                        OsType osType, String vmSize, PowerState powerState, DiskRef osDisk, List<DiskRef> dataDisks,
                        ImageReference imageReference, PurchasePlan plan, List<VmExtensionRef> extensions,
                        SecurityType securityType, HyperVGeneration hyperVGeneration, DiskEncryption osDiskEncryption,
                        TempDrive tempDrive, UefiSettings uefiSettings, boolean markedGeneralized) {
    /** Without UEFI settings (not read) and not marked generalized. */
    public VmSummary(String id, String name, String subscriptionId, String resourceGroup, String location,
                     OsType osType, String vmSize, PowerState powerState, DiskRef osDisk, List<DiskRef> dataDisks,
                     ImageReference imageReference, PurchasePlan plan, List<VmExtensionRef> extensions,
                     SecurityType securityType, HyperVGeneration hyperVGeneration, DiskEncryption osDiskEncryption,
                     TempDrive tempDrive) {
        this(id, name, subscriptionId, resourceGroup, location, osType, vmSize, powerState, osDisk, dataDisks, imageReference, plan,
                extensions, securityType, hyperVGeneration, osDiskEncryption, tempDrive, null, false);
    }

    /** With UEFI settings, not marked generalized. */
    public VmSummary(String id, String name, String subscriptionId, String resourceGroup, String location,
                     OsType osType, String vmSize, PowerState powerState, DiskRef osDisk, List<DiskRef> dataDisks,
                     ImageReference imageReference, PurchasePlan plan, List<VmExtensionRef> extensions,
                     SecurityType securityType, HyperVGeneration hyperVGeneration, DiskEncryption osDiskEncryption,
                     TempDrive tempDrive, UefiSettings uefiSettings) {
        this(id, name, subscriptionId, resourceGroup, location, osType, vmSize, powerState, osDisk, dataDisks, imageReference, plan,
                extensions, securityType, hyperVGeneration, osDiskEncryption, tempDrive, uefiSettings, false);
    }

    /** Without UEFI settings (not read), generalized or not. */
    public VmSummary(String id, String name, String subscriptionId, String resourceGroup, String location,
                     OsType osType, String vmSize, PowerState powerState, DiskRef osDisk, List<DiskRef> dataDisks,
                     ImageReference imageReference, PurchasePlan plan, List<VmExtensionRef> extensions,
                     SecurityType securityType, HyperVGeneration hyperVGeneration, DiskEncryption osDiskEncryption,
                     TempDrive tempDrive, boolean markedGeneralized) {
        this(id, name, subscriptionId, resourceGroup, location, osType, vmSize, powerState, osDisk, dataDisks, imageReference, plan,
                extensions, securityType, hyperVGeneration, osDiskEncryption, tempDrive, null, markedGeneralized);
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

    /**
     * The same VM, known as generalized or not: the instance view's answer, or the user's on the image step (PF-18:
     * Azure only knows when the VM was marked generalized; a sysprepped VM that was snapshotted without it is not).
     */
    public VmSummary withGeneralized(boolean generalized) {
        return new VmSummary(id, name, subscriptionId, resourceGroup, location, osType, vmSize, powerState, osDisk, dataDisks,
                imageReference, plan, extensions, securityType, hyperVGeneration, osDiskEncryption, tempDrive, uefiSettings, generalized);
    }

    /** The instance view's status code that says Azure knows the VM as generalized. */
    public static final String GENERALIZED_STATUS = "OSState/generalized";
}
