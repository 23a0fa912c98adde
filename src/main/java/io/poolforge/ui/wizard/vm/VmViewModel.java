package io.poolforge.ui.wizard.vm;

import io.poolforge.domain.LocalizedText;

import io.poolforge.azure.Connection;
import io.poolforge.azure.VmFleetReader;
import io.poolforge.azure.VmQuery;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.VmRules;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.TaskExecutor;
import io.poolforge.task.TaskHandle;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.WizardSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Step 2: the subscription's VMs, loaded page by page (each page a background task, shown as
 * it arrives), filtered as the user types, each checked against the eligibility rules.
 */
public final class VmViewModel {
    private final TaskExecutor tasks;
    private final I18n i18n;
    private final Function<Throwable, LocalizedText> describe;
    private final WizardSession session;

    private final ObservableList<VmRow> rows = FXCollections.observableArrayList();
    private final FilteredList<VmRow> filtered = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<VmRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final IntegerProperty pagesLoaded = new SimpleIntegerProperty();
    private final ObjectProperty<LocalizedText> error = new SimpleObjectProperty<>();
    private BatchAccountInfo loadedFor;
    private TaskHandle current;

    public VmViewModel(TaskExecutor tasks, I18n i18n, Function<Throwable, LocalizedText> describe, WizardSession session) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.describe = describe;
        this.session = session;
        search.addListener((o, a, text) -> {
            VmQuery q = new VmQuery(text);
            filtered.setPredicate(r -> q.matches(r.vm()));
        });
        selected.addListener((o, a, row) -> onSelected(row));
        existing.addListener((o, a, v) -> {
            if (session.fromExistingImage()) session.imageProperty().set(v == null ? null : imagePlanOf(v));
        });
        session.fromExistingImageProperty().addListener((o, a, on) -> existingMode(on));
    }

    public ObservableList<VmRow> rows() { return filtered; }

    public int total() { return rows.size(); }

    public StringProperty searchProperty() { return search; }

    public ObjectProperty<VmRow> selectedProperty() { return selected; }

    public BooleanProperty loadingProperty() { return loading; }

    public IntegerProperty pagesLoadedProperty() { return pagesLoaded; }

    public ObjectProperty<LocalizedText> errorProperty() { return error; }

    public WizardSession session() { return session; }

    /** Next needs an eligible VM (warnings are fine), or, from an existing image, that image. */
    public BooleanBinding invalidProperty() {
        return Bindings.createBooleanBinding(() -> session.fromExistingImage() ? existing.get() == null
                : selected.get() == null || selected.get().eligibility() == VmRow.Eligibility.BLOCKED,
                selected, existing, session.fromExistingImageProperty());
    }

    // ---- Starting from an existing gallery image version (skips the VM, snapshots and image) ----

    private final ObservableList<io.poolforge.domain.GalleryImageVersionInfo> images = FXCollections.observableArrayList();
    private final ObjectProperty<io.poolforge.domain.GalleryImageVersionInfo> existing = new SimpleObjectProperty<>();

    public ObservableList<io.poolforge.domain.GalleryImageVersionInfo> existingImages() { return images; }

    public ObjectProperty<io.poolforge.domain.GalleryImageVersionInfo> existingImageProperty() { return existing; }

    /**
     * Switches to (or from) starting from an existing image: lists the account subscription's
     * generalized gallery image versions with a replica in the account's region (background).
     */
    public void useExistingImage(boolean on) {
        session.fromExistingImageProperty().set(on);
    }

    /** Whether the flow starts from an existing image (the VM step's check box). */
    public javafx.beans.property.BooleanProperty fromExistingImageProperty() { return session.fromExistingImageProperty(); }

    private void existingMode(boolean on) {
        if (!on) {
            existing.set(null);
            session.imageProperty().set(null);
            onSelected(selected.get());
            return;
        }
        session.vmProperty().set(null);
        session.snapshotsProperty().set(null);
        Connection c = session.connection();
        BatchAccountInfo account = session.account();
        if (c == null || account == null) return;
        tasks.execute(BackgroundTask.of(() -> i18n.get("wizard.vm.existing.task"), ctx -> {
            List<io.poolforge.domain.GalleryImageVersionInfo> out = new ArrayList<>();
            for (var g : c.compute().listGalleries(account.subscriptionId())) {
                for (var d : c.compute().listImageDefinitions(g.id())) {
                    if (d.osState() != io.poolforge.domain.OsState.GENERALIZED) continue;
                    for (var v : c.compute().listImageVersions(d.id())) {
                        if (v.replicasIn(account.location()) > 0 && "Succeeded".equalsIgnoreCase(v.provisioningState())) out.add(v);
                    }
                }
            }
            return out;
        }).onSuccess(list -> {
            var chosen = existing.get();
            images.setAll(list);
            // A version chosen before the list arrived (a remedy) stays chosen.
            if (chosen != null && list.stream().noneMatch(v -> v.id().equalsIgnoreCase(chosen.id()))) images.add(0, chosen);
            if (chosen != null) existing.set(chosen);
        }).onFailure(e -> error.set(describe.apply(e))));
    }

    /** The plan of an image that exists: the run finds it and builds nothing. */
    static io.poolforge.domain.ImagePlan imagePlanOf(io.poolforge.domain.GalleryImageVersionInfo v) {
        var d = v.image();
        return new io.poolforge.domain.ImagePlan(io.poolforge.domain.ImageTarget.GALLERY, d.subscriptionId(), d.resourceGroup(),
                d.location(), d.galleryName(), d.name(), v.version(), null, d.publisher(), d.offer(), d.sku(), d.osType(),
                d.osState(), d.hyperVGeneration(), d.securityType(), d.plan(), v.replicas());
    }

    /** Loads the VMs when the account changed since the last load. */
    public void enter() {
        BatchAccountInfo account = session.account();
        if (account == null || account == loadedFor) return;
        loadedFor = account;
        if (current != null) current.cancel();
        if (reader != null) reader.close();
        rows.clear();
        selected.set(null);
        pagesLoaded.set(0);
        error.set(null);
        reader = new VmFleetReader(session.connection().compute(), account.subscriptionId(), LIST_PARALLELISM);
        loadPage(reader, account, true);
    }

    /** Rows read before the table gets them, after the first page. */
    static final int CHUNK_ROWS = 2_000;
    /** Resource groups listed at once (PF-21): the lists are chains of round trips, not CPU. */
    static final int LIST_PARALLELISM = 6;

    private VmFleetReader reader;

    private void loadPage(VmFleetReader from, BatchAccountInfo account, boolean first) {
        loading.set(true);
        List<SupportedImage> supported = List.copyOf(session.supportedImages());
        List<io.poolforge.domain.VmSkuInfo> sizes = List.copyOf(session.vmSizes());
        LocalDate today = LocalDate.now(session.clock());
        int listedSoFar = rows.size();
        java.util.function.Supplier<String> title = () -> i18n.get("wizard.vm.task.list", listedSoFar);
        // The first page goes to the table alone (first rows fast); after it, VMs are read on in the background
        // until CHUNK_ROWS rows are in hand, so the FX thread adds and lays out the table a few times, not once a page
        // (PF-13: 10,001 VMs came in 51 pages, each costing the FX thread ~100 ms of table work). The reader lists
        // several resource groups at once (PF-21, VmFleetReader).
        current = tasks.execute(BackgroundTask.of(title, ctx -> {
            List<VmRow> out = new ArrayList<>();
            for (VmSummary listed : from.next(first ? 1 : CHUNK_ROWS)) {
                VmSummary vm = withSizeFacts(listed, sizes);
                out.add(new VmRow(vm, VmRules.check(vm, account, supported, ImageTarget.GALLERY, today)));
            }
            ctx.throwIfCancelled();
            return out;
        }).onSuccess(l -> {
            if (loadedFor != account || reader != from) return;
            rows.addAll(l);
            pagesLoaded.set(pagesLoaded.get() + 1);
            if (!from.done()) loadPage(from, account, false);
            else {
                loading.set(false);
                from.close();
            }
        }).onFailure(e -> {
            from.close();
            loading.set(false);
            error.set(describe.apply(e));
        }).onCancelled(() -> loading.set(false)));
    }

    /**
     * What the VM's size tells: a size whose SKU capability MaxResourceVolumeMB is 0 has no temporary
     * disk at all (Azure answers that; what the OS does with a temporary disk it does not).
     */
    static VmSummary withSizeFacts(VmSummary vm, List<io.poolforge.domain.VmSkuInfo> sizes) {
        if (vm.tempDrive() != io.poolforge.domain.TempDrive.UNKNOWN || vm.vmSize() == null) return vm;
        for (io.poolforge.domain.VmSkuInfo s : sizes) {
            if (s.name().equalsIgnoreCase(vm.vmSize()) && s.lacksTempDisk()) {
                return new VmSummary(vm.id(), vm.name(), vm.subscriptionId(), vm.resourceGroup(), vm.location(), vm.osType(),
                        vm.vmSize(), vm.powerState(), vm.osDisk(), vm.dataDisks(), vm.imageReference(), vm.plan(), vm.extensions(),
                        vm.securityType(), vm.hyperVGeneration(), vm.osDiskEncryption(), io.poolforge.domain.TempDrive.NONE,
                        vm.uefiSettings(), vm.markedGeneralized());
            }
        }
        return vm;
    }

    /** The list lacks OS disk details (encryption, generation): read the whole VM, check again. */
    private void onSelected(VmRow row) {
        if (session.fromExistingImage()) return;
        session.vmProperty().set(row == null || row.eligibility() == VmRow.Eligibility.BLOCKED ? null : row.vm());
        if (row == null) return;
        Connection c = session.connection();
        BatchAccountInfo account = session.account();
        List<SupportedImage> supported = List.copyOf(session.supportedImages());
        List<io.poolforge.domain.VmSkuInfo> sizes = List.copyOf(session.vmSizes());
        LocalDate today = LocalDate.now(session.clock());
        tasks.execute(BackgroundTask.of(() -> i18n.get("wizard.vm.task.details", row.vm().name()), ctx -> {
            VmSummary full = withSizeFacts(c.compute().getVm(row.vm().id()), sizes);
            return new VmRow(full, VmRules.check(full, account, supported, ImageTarget.GALLERY, today));
        }).onSuccess(full -> {
            int i = rows.indexOf(row);
            if (i >= 0) rows.set(i, full);
            if (selected.get() == row) selected.set(full);
        }).onFailure(e -> error.set(describe.apply(e))));
    }
}
