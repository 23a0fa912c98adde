package io.poolforge.domain;

import java.util.Locale;

/** The VM's / image's security type (Azure {@code securityProfile.securityType}); STANDARD when absent. */
public enum SecurityType {
    STANDARD, TRUSTED_LAUNCH, CONFIDENTIAL_VM;

    /** Parses "TrustedLaunch", "ConfidentialVM", "Standard"; null or blank gives STANDARD. */
    public static SecurityType parse(String s) {
        if (s == null || s.isBlank()) return STANDARD;
        String t = s.trim().toUpperCase(Locale.ROOT).replace("_", "");
        if (t.startsWith("TRUSTEDLAUNCH")) return TRUSTED_LAUNCH;
        if (t.startsWith("CONFIDENTIAL")) return CONFIDENTIAL_VM;
        return STANDARD;
    }
}
