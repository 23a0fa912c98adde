package io.poolforge.domain;

import java.util.Locale;

/** Operating system family of a VM, disk, image or supported Batch image. */
public enum OsType {
    LINUX, WINDOWS;

    /** Parses Azure spellings ("Linux", "linux", "Windows"); null or blank gives null. */
    public static OsType parse(String s) {
        if (s == null || s.isBlank()) return null;
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
