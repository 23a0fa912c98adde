package io.poolforge.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * VM size names in Azure's canonical case. Azure treats size names case-insensitively and returns them in several cases:
 * the Batch data plane's own example of Pool - Get answers {@code "vmSize": "standard_a1"} (azure-rest-api-specs,
 * specification/batch/data-plane/Azure.Batch/stable/2025-06-01/examples/Pools_GetPool_Basic.json), the management plane's
 * {@code "vmSize": "STANDARD_D4S_V3"} (specification/batch/resource-manager/Microsoft.Batch/stable/2024-07-01/examples/
 * PoolGet_SecurityProfile.json), while Location - List Supported Virtual Machine SKUs names them "Standard_D2s_v3";
 * read 2026-12-07. PoolForge shows every size as that list names it (PF-20: "standard_d2s_v3" stood beside
 * "Standard_D2s_v3") and compares sizes ignoring case. A name the list does not hold stays as Azure sent it.
 */
public final class VmSizeNames {
    private final Map<String, String> canonical;

    private VmSizeNames(Map<String, String> canonical) {
        this.canonical = canonical;
    }

    /** The names of {@code sizes} (an account's supported VM sizes). */
    public static VmSizeNames of(Collection<VmSkuInfo> sizes) {
        Map<String, String> m = new HashMap<>();
        if (sizes != null) for (VmSkuInfo s : sizes) m.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s.name());
        return new VmSizeNames(m);
    }

    /** No names known: every size stays as Azure sent it. */
    public static VmSizeNames none() {
        return new VmSizeNames(Map.of());
    }

    /** {@code name} as the size list names it (ignoring case), or {@code name} itself when the list does not hold it. */
    public String canonical(String name) {
        if (name == null) return null;
        return canonical.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    /** The pool with its size in canonical case. */
    public PoolInfo canonical(PoolInfo pool) {
        if (pool == null) return null;
        String name = canonical(pool.vmSize());
        return java.util.Objects.equals(name, pool.vmSize()) ? pool : pool.withVmSize(name);
    }

    /**
     * Whether {@code name} is in one case only ("standard_d2s_v3", "STANDARD_D4S_V3", as in the examples above), so that the
     * size list is worth reading to name it; Azure's list names sizes in mixed case ("Standard_D2s_v3"), and a mixed-case
     * name is taken as it is (no request for it).
     */
    public static boolean oneCase(String name) {
        return name != null && (name.equals(name.toLowerCase(Locale.ROOT)) || name.equals(name.toUpperCase(Locale.ROOT)));
    }

    /** Whether two size names name the same size (Azure compares them ignoring case). */
    public static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }
}
