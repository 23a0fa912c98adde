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
    /**
     * PF-20 (second pass): what is wrong with a typed planned-node or replica count, said under its field (null when in
     * range). A typed value is never clamped: out of range, no image plan is made and Next says why.
     */
    private final ObjectProperty<io.poolforge.domain.LocalizedText> plannedNodesRange = new javafx.beans.property.SimpleObjectProperty<>();
    private final ObjectProperty<io.poolforge.domain.LocalizedText> replicasRange = new javafx.beans.property.SimpleObjectProperty<>();
    /** The planned pool size has the pool step's bound (PoolForge's own, against typos). */
    public static final int MAX_PLANNED_NODES = io.poolforge.domain.rules.PlanShapeRules.MAXIMUM_NODES;
    /**
     * PoolForge's own bound on replicas in the account's region: no published Azure maximum was found (2026-12-07), and
     * at one replica per {@value ImageRules#NODES_PER_REPLICA} nodes, 10,000 nodes need 34.
     */
    public static final int MAX_REPLICAS = 100;
    private final ObservableList<Violation> violations = FXCollections.observableArrayList();
    private VmSummary builtFor;
    // PF-15: the definition's identifier and OS state, visible and editable; the gallery's existing definitions.
    private final StringProperty definitionPublisher = new SimpleStringProperty("PoolForge");
    private final StringProperty definitionOffer = new SimpleStringProperty("");
    private final StringProperty definitionSku = new SimpleStringProperty("");
    private final ObjectProperty<OsState> osState = new SimpleObjectProperty<>(OsState.GENERALIZED);
    private final ObservableList<io.poolforge.domain.GalleryImageInfo> existingDefinitions = FXCollections.observableArrayList();
    private final javafx.beans.property.BooleanProperty definitionsKnown = new javafx.beans.property.SimpleBooleanProperty();
    private final io.poolforge.task.TaskExecutor tasks;
    private final io.poolforge.ui.I18n i18n;
    private String lookedUp;

    public ImageViewModel(WizardSession session) {
        this(session, null, null);
    }

    /** With {@code tasks}, the gallery's existing definitions are read in the background to check the identifier. */
    public ImageViewModel(WizardSession session, io.poolforge.task.TaskExecutor tasks, io.poolforge.ui.I18n i18n) {
        this.session = session;
        this.tasks = tasks;
        this.i18n = i18n;
        for (StringProperty p : List.of(definitionPublisher, definitionOffer, definitionSku)) p.addListener((o, a, b) -> update());
        osState.addListener((o, a, b) -> update());
        existingDefinitions.addListener((javafx.collections.ListChangeListener<io.poolforge.domain.GalleryImageInfo>) c -> update());
        gallery.addListener((o, a, b) -> lookUpDefinitions());
        target.addListener((o, a, b) -> update());
        for (StringProperty p : List.of(gallery, definition, version, managedName)) p.addListener((o, a, b) -> update());
        plannedNodes.addListener((o, a, b) -> {
            // A typed count out of range raises nothing: it is said under its field and changes nothing else.
            if (b.intValue() >= 0 && b.intValue() <= MAX_PLANNED_NODES)
                replicas.set(Math.max(replicas.get(), ImageRules.replicasNeeded(b.intValue())));
            update();
        });
        replicas.addListener((o, a, b) -> update());
        session.snapshotsProperty().addListener((o, a, b) -> update());
        session.vmGeneralizedConfirmedProperty().addListener((o, a, b) -> update());
    }

    public ObjectProperty<ImageTarget> targetProperty() { return target; }

    public StringProperty galleryProperty() { return gallery; }

    public StringProperty definitionProperty() { return definition; }

    public StringProperty versionProperty() { return version; }

    public StringProperty managedNameProperty() { return managedName; }

    public IntegerProperty plannedNodesProperty() { return plannedNodes; }

    public IntegerProperty replicasProperty() { return replicas; }

    public ObservableList<Violation> violations() { return violations; }

    /** PF-20: the planned node count's range message (null when in range). */
    public ObjectProperty<io.poolforge.domain.LocalizedText> plannedNodesRangeProperty() { return plannedNodesRange; }

    /** PF-20: the replica count's range message (null when in range). */
    public ObjectProperty<io.poolforge.domain.LocalizedText> replicasRangeProperty() { return replicasRange; }

    public StringProperty definitionPublisherProperty() { return definitionPublisher; }

    public StringProperty definitionOfferProperty() { return definitionOffer; }

    public StringProperty definitionSkuProperty() { return definitionSku; }

    public ObjectProperty<OsState> osStateProperty() { return osState; }

    /** The image definitions that exist in the chosen gallery (empty when it does not exist yet). */
    public ObservableList<io.poolforge.domain.GalleryImageInfo> existingDefinitions() { return existingDefinitions; }

    /** True once the gallery's definitions were read (the check against them applies). */
    public javafx.beans.property.BooleanProperty definitionsKnownProperty() { return definitionsKnown; }

    /** Reads the gallery's image definitions in the background (a gallery that does not exist has none). */
    private void lookUpDefinitions() {
        var c = session.connection();
        SnapshotPlan snaps = session.snapshotsProperty().get();
        String name = gallery.get();
        if (tasks == null || i18n == null || c == null || snaps == null || !io.poolforge.domain.rules.NamingRules.validGalleryName(name)) {
            existingDefinitions.clear();
            definitionsKnown.set(false);
            return;
        }
        String galleryId = "/subscriptions/" + snaps.subscriptionId() + "/resourceGroups/" + snaps.resourceGroup()
                + "/providers/Microsoft.Compute/galleries/" + name;
        if (galleryId.equalsIgnoreCase(lookedUp)) return;
        lookedUp = galleryId;
        tasks.execute(io.poolforge.task.BackgroundTask.of(() -> i18n.get("wizard.image.definitions.task", name), ctx -> {
            if (c.compute().findGallery(galleryId).isEmpty()) return List.<io.poolforge.domain.GalleryImageInfo>of();
            return c.compute().listImageDefinitions(galleryId);
        }).onSuccess(list -> {
            if (!galleryId.equalsIgnoreCase(lookedUp)) return; // the name changed meanwhile
            existingDefinitions.setAll(list);
            definitionsKnown.set(true);
        }).onFailure(e -> {
            definitionsKnown.set(false);
            lookedUp = null;
        }));
    }

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

    /**
     * PF-18: "the VM was generalized (Sysprep / waagent -deprovision+user)": asked unless the instance view reports
     * OSState/generalized. Not confirmed, a Windows image is refused (IMAGE_SOURCE_NOT_SYSPREPPED), a Linux one warned.
     */
    public BooleanBinding generalizedCheckNeeded() {
        return Bindings.createBooleanBinding(() -> session.vm() != null && !session.vm().markedGeneralized(), session.vmProperty());
    }

    /** True when Azure reports the VM as generalized (shown instead of the question). */
    public BooleanBinding generalizedKnown() {
        return Bindings.createBooleanBinding(() -> session.vm() != null && session.vm().markedGeneralized(), session.vmProperty());
    }

    public javafx.beans.property.BooleanProperty generalizedConfirmedProperty() { return session.vmGeneralizedConfirmedProperty(); }

    /** The source VM's name (for the question's text). */
    public String vmName() {
        return session.vm() == null ? "" : session.vm().name();
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

    /** Why Next is disabled (PF-20), as a bundle key, or null while it is not. */
    public javafx.beans.value.ObservableValue<String> blockedKey() {
        BooleanBinding temp = tempDriveCheckNeeded();
        BooleanBinding data = dataDisksCheckNeeded();
        return Bindings.createStringBinding(() -> plannedNodesRange.get() != null || replicasRange.get() != null
                        ? "wizard.blocked.image.range"
                        : session.imageProperty().get() == null ? "wizard.blocked.image.plan"
                        : (temp.get() && !tempDriveConfirmed.get()) || (data.get() && !dataDisksConfirmed.get())
                        ? "wizard.blocked.image.confirm" : null,
                session.imageProperty(), temp, data, tempDriveConfirmed, dataDisksConfirmed, plannedNodesRange, replicasRange);
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
            definitionOffer.set(vm.name());
            definitionSku.set((vm.osType() == null ? "os" : vm.osType().name().toLowerCase(Locale.ROOT))
                    + (vm.hyperVGeneration() == null ? "" : "-" + vm.hyperVGeneration().name().toLowerCase(Locale.ROOT)));
        }
        lookUpDefinitions();
        update();
    }

    private void update() {
        if (session.fromExistingImage()) return; // the VM step chose an existing image: nothing to build
        int n = plannedNodes.get();
        int r = replicas.get();
        plannedNodesRange.set(n < 0 || n > MAX_PLANNED_NODES
                ? io.poolforge.domain.LocalizedText.of("wizard.image.range.plannedNodes", n, MAX_PLANNED_NODES) : null);
        replicasRange.set(r < 1 || r > MAX_REPLICAS
                ? io.poolforge.domain.LocalizedText.of("wizard.image.range.replicas", r, MAX_REPLICAS) : null);
        if (plannedNodesRange.get() != null || replicasRange.get() != null) {
            session.imageProperty().set(null); // nothing is planned from a value out of range
            return;
        }
        VmSummary vm = session.vmForPlan();
        BatchAccountInfo account = session.account();
        SnapshotPlan snaps = session.snapshotsProperty().get();
        if (vm == null || account == null || snaps == null) {
            session.imageProperty().set(null);
            return;
        }
        List<RegionReplica> regions = new ArrayList<>();
        regions.add(new RegionReplica(account.location(), r, null));
        if (!Regions.same(vm.location(), account.location())) regions.add(new RegionReplica(vm.location(), 1, null));
        ImagePlan plan = new ImagePlan(target.get(), snaps.subscriptionId(), snaps.resourceGroup(), vm.location(),
                gallery.get(), definition.get(), version.get(), managedName.get(),
                trim(definitionPublisher.get()), trim(definitionOffer.get()), trim(definitionSku.get()), vm.osType(), osState.get(),
                vm.hyperVGeneration(), vm.securityType(), vm.plan(), regions);
        SubscriptionInfo sub = new SubscriptionInfo(snaps.subscriptionId(), account.tenantId(), true);
        List<Violation> found = new ArrayList<>(ImageRules.checkPlan(plan, vm, account, sub, plannedNodes.get(),
                LocalDate.now(session.clock())));
        if (definitionsKnown.get()) found.addAll(ImageRules.checkAgainstGallery(plan, List.copyOf(existingDefinitions)));
        violations.setAll(found);
        // A managed image can still be built (the notice says a pool cannot use it): only errors block.
        session.imageProperty().set(Violation.anyBlocking(found) ? null : plan);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
