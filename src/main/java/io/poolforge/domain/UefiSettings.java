package io.poolforge.domain;

/**
 * A Trusted Launch VM's {@code securityProfile.uefiSettings}: secure boot and vTPM, null when Azure did not say
 * (Compute REST "Virtual Machines - Get", UefiSettings secureBootEnabled / vTpmEnabled).
 */
public record UefiSettings(Boolean secureBootEnabled, Boolean vTpmEnabled) {
    public static final UefiSettings UNKNOWN = new UefiSettings(null, null);
}
