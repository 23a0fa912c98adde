package io.poolforge.domain;

import java.util.Locale;

/** Hyper-V generation of a VM, disk or image ("V1", "V2"). */
public enum HyperVGeneration {
    V1, V2;

    /** Parses "V1", "v2", "1", "2", "Gen2"; null or blank gives null. */
    public static HyperVGeneration parse(String s) {
        if (s == null || s.isBlank()) return null;
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("2")) return V2;
        if (t.endsWith("1")) return V1;
        throw new IllegalArgumentException("Unknown Hyper-V generation: " + s);
    }
}
