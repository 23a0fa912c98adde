package io.poolforge.ui.wizard.snapshot;

import io.poolforge.domain.DataDiskSnapshot;
import io.poolforge.domain.DiskRef;
import io.poolforge.domain.SnapshotPlan;
import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.NamingRules;
import io.poolforge.domain.rules.Violation;
import io.poolforge.ui.wizard.WizardSession;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 3: which disks to snapshot and the names of the snapshots (proposed from the VM and the
 * date, editable), their resource group and tags. Full snapshots, never incremental.
 */
public final class SnapshotViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final WizardSession session;
    private final ObservableList<SnapshotRow> rows = FXCollections.observableArrayList();
    private final StringProperty resourceGroup = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("createdBy=PoolForge");
    private final ObservableList<Violation> violations = FXCollections.observableArrayList();
    private VmSummary builtFor;

    public SnapshotViewModel(WizardSession session) {
        this.session = session;
        resourceGroup.addListener((o, a, b) -> update());
        tags.addListener((o, a, b) -> update());
    }

    public ObservableList<SnapshotRow> rows() { return rows; }

    public StringProperty resourceGroupProperty() { return resourceGroup; }

    public StringProperty tagsProperty() { return tags; }

    public ObservableList<Violation> violations() { return violations; }

    public BooleanBinding invalidProperty() {
        return Bindings.createBooleanBinding(() -> session.snapshotsProperty().get() == null, session.snapshotsProperty());
    }

    /** Proposes rows for the chosen VM (kept as edited when the VM did not change). */
    public void enter() {
        VmSummary vm = session.vm();
        if (vm == null || vm.equals(builtFor)) return;
        builtFor = vm;
        String day = LocalDate.now(session.clock()).format(DAY);
        String base = vm.name().toLowerCase(Locale.ROOT);
        rows.clear();
        rows.add(watch(new SnapshotRow(vm.osDisk(), trim(base + "-os-" + day))));
        for (DiskRef d : vm.dataDisks()) rows.add(watch(new SnapshotRow(d, trim(base + "-lun" + d.lun() + "-" + day))));
        resourceGroup.set(vm.resourceGroup());
        update();
    }

    private SnapshotRow watch(SnapshotRow row) {
        row.nameProperty().addListener((o, a, b) -> update());
        row.includeProperty().addListener((o, a, b) -> update());
        return row;
    }

    /** The tags typed as {@code key=value, key=value}; blank entries ignored. */
    public Map<String, String> parsedTags() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : tags.get() == null ? new String[0] : tags.get().split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            out.put(eq < 0 ? p : p.substring(0, eq).trim(), eq < 0 ? "" : p.substring(eq + 1).trim());
        }
        return out;
    }

    private void update() {
        VmSummary vm = session.vm();
        if (vm == null || rows.isEmpty()) {
            session.snapshotsProperty().set(null);
            return;
        }
        SnapshotRow os = rows.get(0);
        List<DataDiskSnapshot> data = new ArrayList<>();
        for (SnapshotRow r : rows.subList(1, rows.size())) {
            if (r.includeProperty().get()) data.add(new DataDiskSnapshot(r.disk().id(), r.disk().lun(), r.nameProperty().get()));
        }
        String rg = resourceGroup.get() == null || resourceGroup.get().isBlank() ? vm.resourceGroup() : resourceGroup.get().trim();
        SnapshotPlan plan = new SnapshotPlan(vm.id(), vm.subscriptionId(), rg, vm.location(), os.disk().id(),
                os.nameProperty().get() == null ? "" : os.nameProperty().get(), data);
        List<Violation> found = new ArrayList<>(NamingRules.checkSnapshots(plan));
        violations.setAll(found);
        session.snapshotsProperty().set(Violation.anyBlocking(found) ? null : plan);
    }

    private static String trim(String name) {
        String n = name.replaceAll("[^A-Za-z0-9_.-]", "-");
        return n.length() <= 80 ? n : n.substring(0, 80);
    }
}
