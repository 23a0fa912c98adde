package io.poolforge.domain;

import java.util.Locale;

/** OS state of an image: generalized (sysprep / waagent -deprovision) or specialized. */
public enum OsState {
    GENERALIZED, SPECIALIZED;

    public static OsState parse(String s) {
        if (s == null || s.isBlank()) return null;
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
