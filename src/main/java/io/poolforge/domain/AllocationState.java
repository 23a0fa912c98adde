package io.poolforge.domain;

import java.util.Locale;

/** A Batch pool's allocation state. */
public enum AllocationState {
    STEADY, RESIZING, STOPPING;

    public static AllocationState parse(String s) {
        if (s == null || s.isBlank()) return STEADY;
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
