package io.poolforge.domain;

import java.util.Locale;

/** Azure region names compare as "westeurope" = "West Europe". */
public final class Regions {
    private Regions() {
    }

    public static String normalize(String region) {
        return region == null ? null : region.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }
}
