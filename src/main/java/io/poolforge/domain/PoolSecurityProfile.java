package io.poolforge.domain;

import java.util.Objects;

/**
 * A pool's {@code virtualMachineConfiguration.securityProfile} (Batch management and data plane, api-version 2023-11-01 and
 * later: SecurityProfile {securityType: trustedLaunch | confidentialVM, encryptionAtHost, uefiSettings {secureBootEnabled,
 * vTpmEnabled}}; BatchManagement.json 2025-06-01). PoolForge writes {@code trustedLaunch} with the source VM's UEFI settings
 * whenever the image is a TrustedLaunch definition: such an image "can create Trusted Launch VMs only"
 * (MicrosoftDocs azure-compute-docs, trusted-launch-portal.md, read 2026-12-07).
 */
public record PoolSecurityProfile(String securityType, Boolean secureBootEnabled, Boolean vTpmEnabled) {
    /** Batch's enum value (SecurityTypes: "trustedLaunch", "confidentialVM"). */
    public static final String TRUSTED_LAUNCH = "trustedLaunch";

    public PoolSecurityProfile {
        Objects.requireNonNull(securityType, "securityType");
    }

    public boolean trustedLaunch() {
        return TRUSTED_LAUNCH.equalsIgnoreCase(securityType);
    }

    /**
     * The profile a pool on an image of {@code imageType} needs, with secure boot and vTPM as the source VM had them
     * ({@code uefi} null or unknown: Azure's default for a Trusted Launch VM applies, so the fields are left out); null when the
     * image needs none.
     */
    public static PoolSecurityProfile forImage(SecurityType imageType, UefiSettings uefi) {
        if (imageType == null || !imageType.requiresTrustedLaunch()) return null;
        UefiSettings u = uefi == null ? UefiSettings.UNKNOWN : uefi;
        return new PoolSecurityProfile(TRUSTED_LAUNCH, u.secureBootEnabled(), u.vTpmEnabled());
    }
}
