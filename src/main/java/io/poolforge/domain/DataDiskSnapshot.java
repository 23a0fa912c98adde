package io.poolforge.domain;

import java.util.Objects;

/** One data disk to snapshot: the source managed disk, its LUN (kept in the image) and the snapshot name. */
public record DataDiskSnapshot(String diskId, int lun, String snapshotName) {
    public DataDiskSnapshot {
        Objects.requireNonNull(snapshotName, "snapshotName");
        if (lun < 0) throw new IllegalArgumentException("lun < 0");
    }
}
