package io.poolforge.domain;

import java.util.Objects;

/**
 * A VM disk. {@code lun} is null for the OS disk. {@code id} is the managed disk's resource id,
 * null for an unmanaged disk, which has {@code vhdUri} instead. {@code caching}: None/ReadOnly/ReadWrite.
 */
public record DiskRef(String id, String name, Integer lun, int sizeGb, boolean managed, String sku,
                      String vhdUri, String caching) {
    public DiskRef {
        Objects.requireNonNull(name, "name");
        if (sizeGb < 0) throw new IllegalArgumentException("sizeGb < 0");
        if (lun != null && lun < 0) throw new IllegalArgumentException("lun < 0");
    }

    public static DiskRef managedOs(String id, String name, int sizeGb, String sku) {
        return new DiskRef(id, name, null, sizeGb, true, sku, null, "ReadWrite");
    }

    public static DiskRef managedData(String id, String name, int lun, int sizeGb, String sku) {
        return new DiskRef(id, name, lun, sizeGb, true, sku, null, "None");
    }

    public boolean isOsDisk() { return lun == null; }
}
