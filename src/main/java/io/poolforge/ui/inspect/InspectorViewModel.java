package io.poolforge.ui.inspect;

import io.poolforge.azure.Connection;
import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.rules.PoolRules;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.TaskExecutor;
import io.poolforge.task.TaskHandle;
import io.poolforge.ui.I18n;
import io.poolforge.ui.watch.Confirmer;
import io.poolforge.ui.watch.ImageHealth;
import io.poolforge.ui.watch.NodeStates;
import io.poolforge.ui.watch.PoolLookups;
import io.poolforge.ui.watch.PoolRemedies;
import io.poolforge.ui.watch.RemedyQuestions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The pool inspector, usable without the wizard: the pools of one Batch account (given by the
 * caller: a connection and the account) with their image and its health, filters, and one pool
 * opened: its properties grouped as the portal groups them, its images, its resize errors
 * diagnosed, its node counts, the pools sharing its image. Pools on a managed image are flagged
 * (retired as a pool source on 31 March 2026) with a "migrate to gallery" action. Any pool's
 * properties copy to the clipboard or export to a file as JSON, without secrets. FX thread only;
 * every Azure call and the file write are background tasks.
 */
public final class InspectorViewModel {
    private final TaskExecutor tasks;
    private final I18n i18n;
    private final Function<Throwable, LocalizedText> describe;
    private final Confirmer confirmer;
    /** The account's size names: the pool's VM size shows as Azure's size list names it (PF-20). */
    private final io.poolforge.ui.watch.SizeNames sizeNames = new io.poolforge.ui.watch.SizeNames();
    private final PoolRemedies remedies;
    private final Consumer<String> clipboard;
    private final PoolJson json = new PoolJson();

    private final ObservableList<PoolRow> all = FXCollections.observableArrayList();
    private final FilteredList<PoolRow> rows = new FilteredList<>(all);
    private final BooleanProperty customOnly = new SimpleBooleanProperty();
    private final BooleanProperty errorsOnly = new SimpleBooleanProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<PoolRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<PoolDetails> details = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<LocalizedText> error = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> status = new SimpleObjectProperty<>();

    private Connection connection;
    private BatchAccountInfo account;
    private int generation;
    private TaskHandle listing;
    private TaskHandle opening;

    /**
     * @param describe  the localized text of an error ({@code DialogService::describe})
     * @param confirmer asks before an action ({@code DialogService::confirm})
     * @param remedies  the wizard's remedies (rebuild the image, recreate the pool, migrate to gallery)
     * @param clipboard puts text on the system clipboard (the app: {@code Clipboard.getSystemClipboard()})
     */
    public InspectorViewModel(TaskExecutor tasks, I18n i18n, Function<Throwable, LocalizedText> describe, Confirmer confirmer,
                              PoolRemedies remedies, Consumer<String> clipboard) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.describe = Objects.requireNonNull(describe, "describe");
        this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
        this.remedies = Objects.requireNonNull(remedies, "remedies");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        customOnly.addListener((o, a, b) -> applyFilter());
        errorsOnly.addListener((o, a, b) -> applyFilter());
        search.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, row) -> open(row));
    }

    // ---- state ------------------------------------------------------------------------------

    /** The pools passing the filters, sorted by id. */
    public ObservableList<PoolRow> rows() { return rows; }

    /** All pools of the account, unfiltered. */
    public List<PoolRow> allRows() { return List.copyOf(all); }

    public BooleanProperty customOnlyProperty() { return customOnly; }

    public BooleanProperty errorsOnlyProperty() { return errorsOnly; }

    public StringProperty searchProperty() { return search; }

    /** The opened pool's row; setting it opens the pool. */
    public ObjectProperty<PoolRow> selectedProperty() { return selected; }

    public ReadOnlyObjectProperty<PoolDetails> detailsProperty() { return details; }

    public ReadOnlyBooleanProperty loadingProperty() { return loading; }

    public ReadOnlyObjectProperty<LocalizedText> errorProperty() { return error; }

    public ReadOnlyObjectProperty<LocalizedText> statusProperty() { return status; }

    public BatchAccountInfo account() { return account; }

    /** The connection the pools are read through (null before {@link #setSource}). */
    public Connection connection() { return connection; }

    // ---- loading ----------------------------------------------------------------------------

    private volatile String wanted;

    /** Selects the pool {@code poolId} once the next listing has it (the wizard's "Open in the inspector", PF-20). */
    public void selectWhenListed(String poolId) {
        wanted = poolId;
    }

    /** Inspects the pools of {@code account} through {@code connection} (from the sign-in, or the wizard's session). */
    public void setSource(Connection connection, BatchAccountInfo account) {
        this.connection = connection;
        this.account = account;
        generation++;
        all.clear();
        selected.set(null);
        details.set(null);
        refresh();
    }

    private record Listed(List<PoolRow> rows) { }

    /** Lists the pools again and looks up each custom image once. */
    public void refresh() {
        Connection c = connection;
        BatchAccountInfo acct = account;
        if (c == null || acct == null) return;
        if (listing != null) listing.cancel();
        int gen = ++generation;
        loading.set(true);
        error.set(null);
        String previous = wanted != null ? wanted : selected.get() == null ? null : selected.get().id();
        listing = tasks.execute(BackgroundTask.of(() -> i18n.get("inspect.task.list", acct.name()), ctx -> {
            List<PoolInfo> pools = c.batch().listPools(acct);
            Map<String, ImageHealth> images = new HashMap<>();
            int done = 0;
            for (PoolInfo p : pools) {
                ctx.throwIfCancelled();
                String id = p.customImageId();
                if (id != null) images.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> PoolLookups.inspectImage(c.compute(), id));
                ctx.updateProgress(++done, pools.size());
            }
            List<PoolRow> out = new ArrayList<>();
            for (PoolInfo p : pools) {
                String id = p.customImageId();
                // Pools with nodes are counted by state, so that broken nodes count as the pool's problem (PF-20).
                io.poolforge.azure.NodeCounts counts = null;
                if (p.currentDedicatedNodes() + p.currentLowPriorityNodes() > 0) {
                    ctx.throwIfCancelled();
                    try {
                        counts = c.batch().nodeCounts(acct, p.id());
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(InspectorViewModel.class).warn("Could not count the nodes of pool {}: {}",
                                p.id(), e.getClass().getSimpleName());
                    }
                }
                out.add(new PoolRow(p, id == null ? ImageHealth.marketplace() : images.get(id.toLowerCase(Locale.ROOT)), counts));
            }
            out.sort(Comparator.comparing(PoolRow::id, String.CASE_INSENSITIVE_ORDER));
            return new Listed(out);
        }).onSuccess(l -> {
            if (gen != generation) return;
            if (previous != null && previous.equals(wanted)) wanted = null;
            all.setAll(l.rows());
            status.set(LocalizedText.of("inspect.status.listed", l.rows().size(), acct.name()));
            if (previous != null) {
                l.rows().stream().filter(r -> r.id().equalsIgnoreCase(previous)).findFirst().ifPresent(r -> {
                    PoolRow before = selected.get();
                    selected.set(r);
                    if (Objects.equals(before, r)) open(r); // an equal row fires no change
                });
            }
        }).onFailure(e -> {
            if (gen == generation) error.set(describe.apply(e));
        }).onFinally(() -> {
            if (gen == generation) loading.set(false);
        }));
    }

    private void applyFilter() {
        boolean custom = customOnly.get();
        boolean errors = errorsOnly.get();
        String q = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        rows.setPredicate(r -> (!custom || r.customImage()) && (!errors || r.hasErrors())
                && (q.isEmpty() || r.id().toLowerCase(Locale.ROOT).contains(q)
                    || r.imageDisplay().toLowerCase(Locale.ROOT).contains(q)
                    || (r.pool().vmSize() != null && r.pool().vmSize().toLowerCase(Locale.ROOT).contains(q))));
    }

    /** Opens a pool: reads it again with its node counts, checks its image, diagnoses its errors. */
    private void open(PoolRow row) {
        if (opening != null) opening.cancel();
        details.set(null);
        if (row == null || connection == null) return;
        Connection c = connection;
        BatchAccountInfo acct = account;
        int gen = generation;
        List<PoolRow> others = List.copyOf(all);
        loading.set(true);
        opening = tasks.execute(BackgroundTask.of(() -> i18n.get("inspect.task.open", row.id()), ctx -> {
            PoolInfo p = sizeNames.canonical(c.batch(), acct, c.batch().getPool(acct, row.id())
                    .orElseThrow(() -> new PoolForgeException("watch.error.poolNotFound", row.id(), acct.name())));
            NodeCounts counts = c.batch().nodeCounts(acct, row.id());
            ctx.throwIfCancelled();
            ImageHealth img = PoolLookups.inspectImage(c.compute(), p.customImageId());
            ctx.throwIfCancelled();
            List<Diagnosis> found = Diagnoser.diagnose(PoolLookups.evidence(c.compute(), c.batch(), acct, p, counts, img, null));
            return details(p, counts, img, found, others);
        }).onSuccess(d -> {
            if (gen == generation && selected.get() == row) details.set(d);
        }).onFailure(e -> {
            if (gen == generation) error.set(describe.apply(e));
        }).onFinally(() -> {
            if (gen == generation) loading.set(false);
        }));
    }

    /** The details of a pool; pure (runs in the background task). */
    static PoolDetails details(PoolInfo p, NodeCounts counts, ImageHealth img, List<Diagnosis> found, List<PoolRow> others) {
        List<PoolInfo> sharing = sharing(p, img, others);
        int dedicated = p.targetDedicatedNodes() + sharing.stream().mapToInt(PoolInfo::targetDedicatedNodes).sum();
        int low = p.targetLowPriorityNodes() + sharing.stream().mapToInt(PoolInfo::targetLowPriorityNodes).sum();
        return new PoolDetails(p, counts, img, groups(p, img), NodeStates.counts(counts), found, sharing,
                dedicated, low);
    }

    /** Other pools on the same image id, or on an image built from one of the same snapshots. */
    static List<PoolInfo> sharing(PoolInfo p, ImageHealth img, List<PoolRow> others) {
        String id = p.customImageId();
        if (id == null) return List.of();
        Set<String> sources = new HashSet<>();
        if (img != null) img.sourceIds().forEach(s -> sources.add(s.toLowerCase(Locale.ROOT)));
        List<PoolInfo> out = new ArrayList<>();
        for (PoolRow r : others) {
            if (r.id().equalsIgnoreCase(p.id()) || !r.customImage()) continue;
            boolean sameImage = r.pool().customImageId().equalsIgnoreCase(id);
            boolean sameSource = r.image().sourceIds().stream().anyMatch(s -> sources.contains(s.toLowerCase(Locale.ROOT)));
            if (sameImage || sameSource) out.add(r.pool());
        }
        return out;
    }

    private static List<PoolDetails.PropertyGroup> groups(PoolInfo p, ImageHealth img) {
        List<PoolDetails.PropertyGroup> out = new ArrayList<>();
        out.add(new PoolDetails.PropertyGroup("inspect.group.general", List.of(
                prop("inspect.prop.id", raw(p.id())),
                prop("inspect.prop.vmSize", raw(p.vmSize())),
                prop("inspect.prop.allocationState", LocalizedText.of(switch (p.allocationState()) {
                    case STEADY -> "watch.allocation.steady";
                    case RESIZING -> "watch.allocation.resizing";
                    case STOPPING -> "watch.allocation.stopping";
                })),
                prop("inspect.prop.allocationStateTime", raw(p.allocationStateTransitionTime())),
                prop("inspect.prop.autoScale", LocalizedText.of(p.autoScale() ? "inspect.value.yes" : "inspect.value.no")))));
        List<PoolDetails.Property> os = new ArrayList<>();
        if (p.customImageId() != null) {
            os.add(prop("inspect.prop.imageType", LocalizedText.of("inspect.value.customImage")));
            os.add(prop("inspect.prop.image", raw(p.customImageId())));
            os.add(prop("inspect.prop.imageKind", LocalizedText.of(img != null && img.managed()
                    ? "inspect.value.managedImage" : "inspect.value.galleryImage")));
            Boolean exists = img == null ? null : img.exists();
            os.add(prop("inspect.prop.imageExists", LocalizedText.of(exists == null ? "inspect.value.unknown"
                    : exists ? "inspect.value.yes" : "inspect.value.no")));
        } else {
            os.add(prop("inspect.prop.imageType", LocalizedText.of("inspect.value.marketplace")));
            os.add(prop("inspect.prop.image", raw(p.imageReference() == null ? "" : p.imageReference().display())));
        }
        out.add(new PoolDetails.PropertyGroup("inspect.group.os", os));
        out.add(new PoolDetails.PropertyGroup("inspect.group.nodeAgent", List.of(
                prop("inspect.prop.nodeAgentSku", raw(p.nodeAgentSkuId())))));
        out.add(new PoolDetails.PropertyGroup("inspect.group.scale", List.of(
                prop("inspect.prop.dedicated", LocalizedText.of("inspect.value.currentOfTarget", p.currentDedicatedNodes(),
                        p.targetDedicatedNodes())),
                prop("inspect.prop.lowPriority", LocalizedText.of("inspect.value.currentOfTarget",
                        p.currentLowPriorityNodes(), p.targetLowPriorityNodes())),
                prop("inspect.prop.resizeTimeout", p.resizeTimeout() == null ? raw("")
                        : LocalizedText.of("inspect.value.minutes", p.resizeTimeout().toMinutes())),
                prop("inspect.prop.lastResize", raw(p.lastResizeStartTime())))));
        return out;
    }

    private static PoolDetails.Property prop(String key, LocalizedText value) {
        return new PoolDetails.Property(key, value);
    }

    private static LocalizedText raw(Object value) {
        // Typed values (instants) stay typed: the view formats them for people and keeps the raw one in a tooltip.
        return LocalizedText.of("inspect.value.raw", value == null ? "" : value);
    }

    /** The limits per custom image, counted across the pools sharing it (PoolRules). */
    public static int maxDedicated() { return PoolRules.MAX_DEDICATED_NODES; }

    public static int maxLowPriority() { return PoolRules.MAX_LOW_PRIORITY_NODES; }

    // ---- actions ----------------------------------------------------------------------------

    /** The JSON of a pool's properties (with its image and, when opened, its node counts). */
    public String json(PoolRow row) {
        PoolDetails d = details.get();
        if (d != null && d.pool().id().equalsIgnoreCase(row.id())) return json.toJson(d.pool(), d.image(), d.counts());
        return json.toJson(row.pool(), row.image(), null);
    }

    /** Copies the pool's properties as JSON to the clipboard. */
    public void copyJson(PoolRow row) {
        if (row == null) return;
        clipboard.accept(json(row));
        status.set(LocalizedText.of("inspect.status.copied", row.id()));
    }

    /** Writes the pool's properties as JSON to {@code file} (chosen by the caller), in the background. */
    public void exportJson(PoolRow row, Path file) {
        if (row == null || file == null) return;
        String text = json(row);
        tasks.execute(BackgroundTask.of(() -> i18n.get("inspect.task.export", row.id()), ctx -> {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".poolforge-", ".json");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        }).onSuccess(f -> status.set(LocalizedText.of("inspect.status.exported", row.id(), f.getFileName())))
          .onFailure(e -> error.set(LocalizedText.of("inspect.error.export", f(file), describe.apply(e)))));
    }

    private static String f(Path p) { return p.getFileName() == null ? p.toString() : p.getFileName().toString(); }

    /** Hands "publish the managed image to a gallery and move the pool" to the wizard, after the user confirms. */
    public boolean migrateToGallery(PoolRow row) {
        if (row == null || !row.retiredSource()) return false;
        String text = i18n.get("inspect.confirm.migrate", row.id(), row.imageDisplay());
        if (!confirmer.confirm("inspect.action.migrate", text)) return false;
        remedies.migrateToGallery(new PoolRemedies.Request(connection, account, row.pool(), null));
        return true;
    }

    /** The actions the inspector performs for a diagnosis (the wizard's remedies); the watch does the resizes. */
    public List<Action> performable() {
        return List.of(Action.RESTORE_IMAGE, Action.REBUILD_IN_GALLERY, Action.RECREATE_POOL);
    }

    /** Performs a remedy of a diagnosis of the opened pool, after the user confirms. */
    public boolean perform(Action action, Diagnosis diagnosis) {
        PoolDetails d = details.get();
        if (d == null) return false;
        PoolInfo p = d.pool();
        PoolRemedies.Request request = new PoolRemedies.Request(connection, account, p, diagnosis);
        switch (action) {
            case RESTORE_IMAGE -> {
                if (!confirmer.confirm(Action.RESTORE_IMAGE.key(), RemedyQuestions.restoreImage(i18n, p))) return false;
                remedies.restoreImage(request);
                return true;
            }
            case REBUILD_IN_GALLERY -> {
                if (!confirmer.confirm(Action.REBUILD_IN_GALLERY.key(), RemedyQuestions.rebuildInGallery(i18n, p))) return false;
                remedies.rebuildInGallery(request);
                return true;
            }
            case RECREATE_POOL -> {
                if (!confirmer.confirm(Action.RECREATE_POOL.key(), i18n.get("watch.confirm.recreatePool", p.id()))) return false;
                remedies.recreatePoolFromGallery(request);
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
