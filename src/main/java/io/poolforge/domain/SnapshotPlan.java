package io.poolforge.domain;

import java.util.List;
import java.util.Objects;

/** Step 3: full snapshots ({@code createOption: Copy}) of the VM's OS disk and the chosen data disks. */
public record SnapshotPlan(String vmId, String subscriptionId, String resourceGroup, String location,
                           String osDiskId, String osSnapshotName, List<DataDiskSnapshot> dataDisks) {
    public SnapshotPlan {
        Objects.requireNonNull(osSnapshotName, "osSnapshotName");
        dataDisks = dataDisks == null ? List.of() : List.copyOf(dataDisks);
    }
}
