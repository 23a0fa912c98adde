package io.poolforge.domain;

import java.util.Locale;

/**
 * A VM's, disk's or image definition's security type, with Azure's values kept distinct (PF-16). A VM's
 * {@code securityProfile.securityType} is Standard (absent), TrustedLaunch or ConfidentialVM; a gallery image definition's
 * {@code SecurityType} feature can also be TrustedLaunchSupported, TrustedLaunchAndConfidentialVmSupported or
 * ConfidentialVMSupported (Compute REST "Gallery Images - Create Or Update", GalleryImageFeature; trusted-launch-faq.md shows
 * "SecurityType" "TrustedLaunchSupported" and "TrustedLaunchAndConfidentialVmSupported"; read 2026-12-07). A disk's
 * {@code securityProfile.securityType} ConfidentialVM_* variants are confidential VM disks.
 */
public enum SecurityType {
    STANDARD("Standard"),
    TRUSTED_LAUNCH("TrustedLaunch"),
    TRUSTED_LAUNCH_SUPPORTED("TrustedLaunchSupported"),
    TRUSTED_LAUNCH_AND_CONFIDENTIAL_VM_SUPPORTED("TrustedLaunchAndConfidentialVmSupported"),
    CONFIDENTIAL_VM("ConfidentialVM"),
    CONFIDENTIAL_VM_SUPPORTED("ConfidentialVMSupported");

    private final String azureName;

    SecurityType(String azureName) {
        this.azureName = azureName;
    }

    /** Azure's spelling ("TrustedLaunchSupported"). */
    public String azureName() {
        return azureName;
    }

    /**
     * Parses Azure's values, case-insensitively and without folding one into another; a disk's
     * "ConfidentialVM_DiskEncryptedWithPlatformKey" (and the other ConfidentialVM_ disk variants) is CONFIDENTIAL_VM.
     * Null or blank gives STANDARD; an unknown value throws.
     */
    public static SecurityType parse(String s) {
        if (s == null || s.isBlank()) return STANDARD;
        String t = s.trim();
        for (SecurityType v : values()) if (v.azureName.equalsIgnoreCase(t)) return v;
        String u = t.toUpperCase(Locale.ROOT);
        if (u.equals("TRUSTED_LAUNCH")) return TRUSTED_LAUNCH;
        if (u.equals("CONFIDENTIAL_VM")) return CONFIDENTIAL_VM;
        if (u.startsWith("CONFIDENTIALVM_")) return CONFIDENTIAL_VM;
        throw new IllegalArgumentException("Unknown security type: " + s);
    }

    /**
     * True when VMs from this image must be Trusted Launch VMs: a TrustedLaunch definition "can create Trusted Launch VMs
     * only" (trusted-launch-portal.md), and Compute refuses anything else with "The provided gallery image only supports
     * creation of VMs and VM Scale Sets with 'TrustedLaunch' security type." (hashicorp/terraform-provider-azurerm#23148).
     */
    public boolean requiresTrustedLaunch() {
        return this == TRUSTED_LAUNCH;
    }

    /** True for the types whose image can create Trusted Launch VMs (TrustedLaunch and the "…Supported" that name it). */
    public boolean allowsTrustedLaunch() {
        return this == TRUSTED_LAUNCH || this == TRUSTED_LAUNCH_SUPPORTED || this == TRUSTED_LAUNCH_AND_CONFIDENTIAL_VM_SUPPORTED;
    }

    /**
     * False for a TrustedLaunchSupported definition: "Currently only Vhd Blob, User Image and Gallery Image Version sources are
     * supported for 'TrustedLaunchSupported' images." (Compute, InvalidParameter, reported in hashicorp/packer-plugin-azure#304,
     * 2023-06-21; read 2026-12-07). Nothing is known for the other types, so they accept snapshots.
     */
    public boolean acceptsSnapshotSource() {
        return this != TRUSTED_LAUNCH_SUPPORTED;
    }

    /** The image definition type a snapshot of this VM's OS disk goes to (the VM's own type; Standard stays Standard). */
    public SecurityType definitionForSnapshot() {
        return this;
    }
}
