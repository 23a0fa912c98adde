package io.poolforge.domain;

import java.util.Locale;

/** The VM's power state (instance view code {@code PowerState/...}). */
public enum PowerState {
    RUNNING, DEALLOCATED, STOPPED, STARTING, STOPPING, DEALLOCATING, UNKNOWN;

    /** Parses "PowerState/running", "running", "VM deallocated"; unknown text gives UNKNOWN. */
    public static PowerState parse(String s) {
        if (s == null || s.isBlank()) return UNKNOWN;
        String t = s.trim().toUpperCase(Locale.ROOT);
        int slash = t.lastIndexOf('/');
        if (slash >= 0) t = t.substring(slash + 1);
        if (t.startsWith("VM ")) t = t.substring(3);
        for (PowerState p : values()) if (p.name().equals(t)) return p;
        return UNKNOWN;
    }
}
