package io.poolforge.ui.wizard.snapshot;

import io.poolforge.domain.DiskRef;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One disk of the VM and the snapshot the user wants of it. The OS disk is always included. */
public final class SnapshotRow {
    private final DiskRef disk;
    private final BooleanProperty include;
    private final StringProperty name;

    public SnapshotRow(DiskRef disk, String proposedName) {
        this.disk = disk;
        this.include = new SimpleBooleanProperty(true);
        this.name = new SimpleStringProperty(proposedName);
    }

    public DiskRef disk() { return disk; }

    public boolean isOsDisk() { return disk.isOsDisk(); }

    public BooleanProperty includeProperty() { return include; }

    public StringProperty nameProperty() { return name; }
}
