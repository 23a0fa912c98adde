package io.poolforge.ui.wizard.image;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsState;
import io.poolforge.domain.Regions;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.SnapshotPlan;
import io.poolforge.domain.SubscriptionInfo;
import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.ImageRules;
import io.poolforge.domain.rules.Violation;
import io.poolforge.ui.wizard.WizardSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 4: the image the snapshots become. Azure Compute Gallery image version (default; the only
 * pool source since 31 March 2026), replicated to the Batch account's region with one replica
 * per 300 planned nodes; or a managed image (the portal's original path), with the notice.
 */
public final class ImageViewModel {
    private final WizardSession session;
    private final ObjectProperty<ImageTarget> target = new SimpleObjectProperty<>(ImageTarget.GALLERY);
    private final StringProperty gallery = new SimpleStringProperty("poolforge_images");
    private final StringProperty definition = new SimpleStringProperty("");
    private final StringProperty version = new SimpleStringProperty("1.0.0");
    private final StringProperty managedName = new SimpleStringProperty("");
    private final IntegerProperty plannedNodes = new SimpleIntegerProperty(2);
    private final IntegerProperty replicas = new SimpleIntegerProperty(1);
    private final ObservableList<Violation> violations = FXCollections.observableArrayList();
    private VmSummary builtFor;

    public ImageViewModel(WizardSession session) {
        this.session = session;
        target.addListener((o, a, b) -> update());
        for (StringProperty p : List.of(gallery, definition, version, managedName)) p.addListener((o, a, b) -> update());
        plannedNodes.addListener((o, a, b) -> {
            replicas.set(Math.max(replicas.get(), ImageRules.replicasNeeded(b.intValue())));
            update();
        });
        replicas.addListener((o, a, b) -> update());
        session.snapshotsProperty().addListener((o, a, b) -> update());
    }

    public ObjectProperty<ImageTarget> targetProperty() { return target; }

    public StringProperty galleryProperty() { return gallery; }

    public StringProperty definitionProperty() { return definition; }

    public StringProperty versionProperty() { return version; }

    public StringProperty managedNameProperty() { return managedName; }

    public IntegerProperty plannedNodesProperty() { return plannedNodes; }

    public IntegerProperty replicasProperty() { return replicas; }

    public ObservableList<Violation> violations() { return violations; }

    // ---- The checklist: what no Azure API tells, confirmed once before building the image ----

    private final javafx.beans.property.BooleanProperty tempDriveConfirmed = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty dataDisksConfirmed = new javafx.beans.property.SimpleBooleanProperty();

    /** "The VM's OS uses the default temporary drive": asked unless Azure told (the size has no temporary disk, or it changed). */
    public BooleanBinding tempDriveCheckNeeded() {
        return Bindings.createBooleanBinding(() -> session.vm() != null
                && session.vm().tempDrive() == io.poolforge.domain.TempDrive.UNKNOWN, session.vmProperty());
    }

    /** "The data disks are mounted and formatted inside the VM": asked when data disks are snapshotted. */
    public BooleanBinding dataDisksCheckNeeded() {
        return Bindings.createBooleanBinding(() -> session.snapshotsProperty().get() != null
                && !session.snapshotsProperty().get().dataDisks().isEmpty(), session.snapshotsProperty());
    }

    public javafx.beans.property.BooleanProperty tempDriveConfirmedProperty() { return tempDriveConfirmed; }

    public javafx.beans.property.BooleanProperty dataDisksConfirmedProperty() { return dataDisksConfirmed; }

    /** Next needs an image plan without errors and every needed checklist item confirmed. */
    public BooleanBinding invalidProperty() {
        BooleanBinding temp = tempDriveCheckNeeded();
        BooleanBinding data = dataDisksCheckNeeded();
        return Bindings.createBooleanBinding(() -> session.imageProperty().get() == null
                        || (temp.get() && !tempDriveConfirmed.get()) || (data.get() && !dataDisksConfirmed.get()),
                session.imageProperty(), temp, data, tempDriveConfirmed, dataDisksConfirmed);
    }

    /** The Batch account's region (always a target region). */
    public String accountRegion() {
        BatchAccountInfo a = session.account();
        return a == null ? "" : a.location();
    }

    public void enter() {
        VmSummary vm = session.vm();
        if (vm != null && !vm.equals(builtFor)) {
            builtFor = vm;
            String base = vm.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
            definition.set(base + "-batch");
            managedName.set(base + "-image");
        }
        update();
    }

    private void update() {
        if (session.fromExistingImage()) return; // the VM step chose an existing image: nothing to build
        VmSummary vm = session.vm();
        BatchAccountInfo account = session.account();
        SnapshotPlan snaps = session.snapshotsProperty().get();
        if (vm == null || account == null || snaps == null) {
            session.imageProperty().set(null);
            return;
        }
        List<RegionReplica> regions = new ArrayList<>();
        regions.add(new RegionReplica(account.location(), Math.max(1, replicas.get()), null));
        if (!Regions.same(vm.location(), account.location())) regions.add(new RegionReplica(vm.location(), 1, null));
        String sku = (vm.osType() == null ? "os" : vm.osType().name().toLowerCase(Locale.ROOT))
                + (vm.hyperVGeneration() == null ? "" : "-" + vm.hyperVGeneration().name().toLowerCase(Locale.ROOT));
        ImagePlan plan = new ImagePlan(target.get(), snaps.subscriptionId(), snaps.resourceGroup(), vm.location(),
                gallery.get(), definition.get(), version.get(), managedName.get(),
                "PoolForge", vm.name(), sku, vm.osType(), OsState.GENERALIZED, vm.hyperVGeneration(), vm.securityType(),
                vm.plan(), regions);
        SubscriptionInfo sub = new SubscriptionInfo(snaps.subscriptionId(), account.tenantId(), true);
        List<Violation> found = ImageRules.checkPlan(plan, vm, account, sub, plannedNodes.get(), LocalDate.now(session.clock()));
        violations.setAll(found);
        // A managed image can still be built (the notice says a pool cannot use it): only errors block.
        session.imageProperty().set(Violation.anyBlocking(found) ? null : plan);
    }
}
