package io.poolforge.ui.watch;

import io.poolforge.azure.Connection;
import io.poolforge.azure.LogUpload;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.nodes.ComputeNode;
import io.poolforge.domain.nodes.NodeDiagnoser;
import io.poolforge.domain.nodes.NodeErrorGroup;
import io.poolforge.export.DiagnosticBundle;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.TaskExecutor;
import io.poolforge.ui.I18n;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

/**
 * A pool's nodes for the watch and the inspector: the node list (read as a background task, paged by the data plane),
 * filtered by state and error code; the errors grouped and diagnosed ({@link NodeDiagnoser}); the selected node's start
 * task stderr tail; and the node actions — reboot, reimage, remove (with the deallocation option), upload Batch service
 * logs — each confirmed through {@link Confirmer}, sent as a task, written to the action journal and followed by a
 * reload. The diagnostic bundle is written by a task too. FX thread only; the FX thread never waits.
 */
public final class NodesViewModel {
    /** Lines of stderr shown in a node's detail. */
    public static final int STDERR_LINES = 12;
    static final int STDERR_BYTES = 8 * 1024;
    /** Batch's node deallocation options (Pool - Remove Nodes, Compute Node - Reboot). */
    public static final List<String> DEALLOCATION_OPTIONS = List.of("requeue", "terminate", "taskcompletion", "retaineddata");

    private final TaskExecutor tasks;
    private final I18n i18n;
    private final Function<Throwable, LocalizedText> describe;
    private final Confirmer confirmer;
    private final Consumer<String> journal;
    private final Clock clock;
    private final String version;

    private final ObservableList<ComputeNode> all = FXCollections.observableArrayList();
    private final ObservableList<ComputeNode> shown = FXCollections.observableArrayList();
    private final ObservableList<NodeErrorGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<String> states = FXCollections.observableArrayList();
    private final ObservableList<String> codes = FXCollections.observableArrayList();
    private final ObjectProperty<String> stateFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> codeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ComputeNode> selected = new SimpleObjectProperty<>();
    private final StringProperty stderr = new SimpleStringProperty("");
    private final ObjectProperty<LocalizedText> stderrNote = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> error = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> status = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<String> deallocation = new SimpleObjectProperty<>("requeue");
    private final BooleanProperty reimageSupported = new SimpleBooleanProperty(false);

    /** The account's size names, so that nodes read from the data plane ("standard_d2s_v3") name theirs as Azure's list does. */
    private final SizeNames sizeNames = new SizeNames();
    private Connection connection;
    private BatchAccountInfo account;
    private String poolId;
    private int generation;
    private Instant lastLoad;

    /**
     * @param journal receives one line per node action (the app appends them, masked, to the action journal)
     * @param version PoolForge's version, for the diagnostic bundle
     */
    public NodesViewModel(TaskExecutor tasks, I18n i18n, Function<Throwable, LocalizedText> describe, Confirmer confirmer,
                          Consumer<String> journal, Clock clock, String version) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.describe = Objects.requireNonNull(describe, "describe");
        this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.version = version == null ? "dev" : version;
        stateFilter.addListener((o, a, b) -> applyFilter());
        codeFilter.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, b) -> loadStderr(b));
    }

    // ---- state ------------------------------------------------------------------------------

    /** The nodes that pass the filters (the table's items). */
    public ObservableList<ComputeNode> shown() { return shown; }

    public List<ComputeNode> all() { return List.copyOf(all); }

    public ObservableList<NodeErrorGroup> groups() { return groups; }

    /** The states present (for the state filter). */
    public ObservableList<String> states() { return states; }

    /** The error codes present (for the code filter). */
    public ObservableList<String> codes() { return codes; }

    public ObjectProperty<String> stateFilterProperty() { return stateFilter; }

    public ObjectProperty<String> codeFilterProperty() { return codeFilter; }

    public ObjectProperty<ComputeNode> selectedProperty() { return selected; }

    /** The selected node's start task stderr tail (masked). */
    public ReadOnlyStringProperty stderrProperty() { return stderr; }

    /** Loading / nothing written / could not be read, for the stderr area. */
    public ReadOnlyObjectProperty<LocalizedText> stderrNoteProperty() { return stderrNote; }

    public ReadOnlyObjectProperty<LocalizedText> errorProperty() { return error; }

    public ReadOnlyObjectProperty<LocalizedText> statusProperty() { return status; }

    public ReadOnlyBooleanProperty loadingProperty() { return loading; }

    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    /**
     * Whether the pool supports reimaging its nodes: Batch REST "Nodes - Reimage Node" allows it only on pools created with the
     * cloud service configuration (retired), so never for the virtual machine configuration pools PoolForge makes and reads.
     */
    public ReadOnlyBooleanProperty reimageSupportedProperty() { return reimageSupported; }

    /** The deallocation option for remove and reboot. */
    public ObjectProperty<String> deallocationProperty() { return deallocation; }

    public String poolId() { return poolId; }

    // ---- reading ----------------------------------------------------------------------------

    /** Shows the nodes of {@code poolId} (null connection: nothing); reads them when the pool changed. */
    public void show(Connection c, BatchAccountInfo account, String poolId) {
        boolean same = c == connection && account == this.account && Objects.equals(poolId, this.poolId);
        this.connection = c;
        this.account = account;
        this.poolId = poolId;
        if (!same) {
            generation++;
            all.clear();
            shown.clear();
            groups.clear();
            states.clear();
            codes.clear();
            selected.set(null);
            error.set(null);
            status.set(null);
            lastLoad = null;
            if (c != null && account != null && poolId != null) refresh();
        }
    }

    /** Reloads when the last load is older than {@code minAge} (the watch calls this after each poll). */
    public void refreshIfOlder(Duration minAge) {
        if (connection == null || loading.get()) return;
        if (lastLoad == null || !clock.instant().isBefore(lastLoad.plus(minAge))) refresh();
    }

    /** Reads the nodes now (a task). */
    public void refresh() {
        if (connection == null || poolId == null) return;
        Connection c = connection;
        BatchAccountInfo acct = account;
        String id = poolId;
        int gen = generation;
        loading.set(true);
        tasks.execute(BackgroundTask.of(() -> i18n.get("ui.nodes.task.read", id), ctx -> sizeNames.canonical(c.batch(), acct, c.batch().computeNodes(acct, id, null)))
                .onSuccess(nodes -> {
                    if (gen != generation) return;
                    lastLoad = clock.instant();
                    error.set(null);
                    apply(nodes);
                })
                .onFailure(e -> {
                    if (gen == generation) error.set(LocalizedText.of("ui.nodes.failed", i18n.get(describe.apply(e))));
                })
                .onFinally(() -> {
                    if (gen == generation) loading.set(false);
                }));
    }

    private void apply(List<ComputeNode> nodes) {
        String keep = selected.get() == null ? null : selected.get().id();
        all.setAll(nodes);
        groups.setAll(NodeDiagnoser.diagnose(nodes, clock.instant()));
        List<String> s = nodes.stream().map(ComputeNode::state).distinct().sorted().toList();
        states.setAll(s);
        codes.setAll(NodeDiagnoser.codes(nodes));
        if (stateFilter.get() != null && !s.contains(stateFilter.get())) stateFilter.set(null);
        if (codeFilter.get() != null && codes.stream().noneMatch(x -> x.equalsIgnoreCase(codeFilter.get()))) codeFilter.set(null);
        applyFilter();
        if (keep != null) {
            ComputeNode again = nodes.stream().filter(n -> n.id().equals(keep)).findFirst().orElse(null);
            if (again == null || !again.equals(selected.get())) selected.set(again);
        }
    }

    private void applyFilter() {
        shown.setAll(NodeDiagnoser.filter(all, stateFilter.get(), codeFilter.get()));
    }

    /** Shows only the nodes of a group (by its code; the unusable-without-error group by state). */
    public void filterTo(NodeErrorGroup g) {
        if (g.code() == null) {
            codeFilter.set(null);
            stateFilter.set("unusable");
        } else {
            stateFilter.set(null);
            codeFilter.set(g.code());
        }
    }

    private void loadStderr(ComputeNode n) {
        stderr.set("");
        stderrNote.set(null);
        if (n == null || connection == null) return;
        if (n.startTaskResult() == null && n.startTaskExitCode() == null) {
            stderrNote.set(LocalizedText.of("ui.nodes.detail.noStartTask"));
            return;
        }
        Connection c = connection;
        BatchAccountInfo acct = account;
        String pool = poolId;
        int gen = generation;
        String nodeId = n.id();
        stderrNote.set(LocalizedText.of("ui.nodes.detail.loading"));
        tasks.execute(BackgroundTask.of(() -> i18n.get("ui.nodes.task.stderr", nodeId),
                        ctx -> c.batch().nodeFileTail(acct, pool, nodeId, "startup/stderr.txt", STDERR_BYTES))
                .onSuccess(text -> {
                    if (gen != generation || selected.get() == null || !selected.get().id().equals(nodeId)) return;
                    String tail = NodeDiagnoser.tail(text, STDERR_LINES);
                    stderr.set(tail);
                    stderrNote.set(tail.isEmpty() ? LocalizedText.of("ui.nodes.detail.noStderr") : null);
                })
                .onFailure(e -> {
                    if (gen == generation) stderrNote.set(LocalizedText.of("ui.nodes.detail.stderrFailed", i18n.get(describe.apply(e))));
                }));
    }

    // ---- actions ----------------------------------------------------------------------------

    /** Reboots the nodes after the user confirmed; false when not confirmed or nothing to do. */
    public boolean reboot(List<ComputeNode> nodes) {
        String option = deallocation.get();
        return act(nodes, "ui.nodes.confirm.reboot.title", "ui.nodes.confirm.reboot", "ui.nodes.done.reboot", "reboot",
                (c, acct, pool, id) -> c.batch().rebootNode(acct, pool, id, option));
    }

    /** Reimages the nodes (reinstalls the OS from the pool's image) after the user confirmed. */
    public boolean reimage(List<ComputeNode> nodes) {
        if (!reimageSupported.get()) {
            error.set(LocalizedText.of("ui.nodes.reimage.unsupported"));
            return false;
        }
        String option = deallocation.get();
        return act(nodes, "ui.nodes.confirm.reimage.title", "ui.nodes.confirm.reimage", "ui.nodes.done.reimage", "reimage",
                (c, acct, pool, id) -> c.batch().reimageNode(acct, pool, id, option));
    }

    /** Removes the nodes from the pool with the chosen deallocation option, after the user confirmed. */
    public boolean remove(List<ComputeNode> nodes) {
        if (!ready(nodes)) return false;
        String option = deallocation.get();
        List<String> ids = nodes.stream().map(ComputeNode::id).toList();
        String text = i18n.get("ui.nodes.confirm.remove", ids.size(), poolId, i18n.get(deallocationKey(option)));
        if (!confirmer.confirm("ui.nodes.confirm.remove.title", text)) return false;
        Connection c = connection;
        BatchAccountInfo acct = account;
        String pool = poolId;
        run(() -> i18n.get("ui.nodes.task.remove", ids.size(), pool), () -> c.batch().removeNodes(acct, pool, ids, option),
                "remove " + option, ids, LocalizedText.of("ui.nodes.done.remove", ids.size(), pool));
        return true;
    }

    /**
     * Uploads the node's Batch service logs to the container (URL with a SAS allowing writes), after the user confirmed.
     * The URL is sent to Batch only: the confirmation, the status, the journal and the logs name the container without its query.
     */
    public boolean uploadLogs(ComputeNode node, String containerUrl) {
        if (!ready(node == null ? List.of() : List.of(node))) return false;
        if (containerUrl == null || !containerUrl.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https://")) {
            error.set(LocalizedText.of("ui.nodes.upload.invalid"));
            return false;
        }
        String url = containerUrl.trim();
        String shownUrl = withoutQuery(url);
        if (!confirmer.confirm("ui.nodes.upload.title", i18n.get("ui.nodes.confirm.upload", node.id(), shownUrl))) return false;
        Connection c = connection;
        BatchAccountInfo acct = account;
        String pool = poolId;
        Instant since = clock.instant().minus(Duration.ofDays(1));
        busy.set(true);
        error.set(null);
        int gen = generation;
        // The journal is a file: it is written by the task, off the FX thread, whatever the outcome.
        tasks.execute(BackgroundTask.<LogUpload>of(i18n.get("ui.nodes.task.upload", node.id()), ctx -> {
                    LogUpload up = journaled(() -> c.batch().uploadNodeLogs(acct, pool, node.id(), url, since),
                            line(pool, acct.name(), "uploadbatchservicelogs " + shownUrl + " failed", List.of(node.id())));
                    journal.accept(line(pool, acct.name(), "uploadbatchservicelogs " + shownUrl + " -> " + up.virtualDirectoryName(),
                            List.of(node.id())));
                    return up;
                })
                .onSuccess(up -> status.set(LocalizedText.of("ui.nodes.done.upload", up.numberOfFilesUploaded(), node.id(),
                        shownUrl + "/" + up.virtualDirectoryName())))
                .onFailure(e -> error.set(LocalizedText.of("ui.nodes.action.failed", i18n.get(describe.apply(e)))))
                .onFinally(() -> {
                    if (gen == generation) busy.set(false);
                }));
        return true;
    }

    /** Writes the diagnostic bundle to {@code file} (a task). {@code resizeDiagnoses}: the caller's. */
    public void writeBundle(Path file, PoolInfo pool, List<Diagnosis> resizeDiagnoses) {
        if (connection == null || pool == null) return;
        Connection c = connection;
        BatchAccountInfo acct = account;
        List<Diagnosis> diagnoses = List.copyOf(resizeDiagnoses == null ? List.of() : resizeDiagnoses);
        var messages = i18n.messages();
        busy.set(true);
        error.set(null);
        int gen = generation;
        tasks.execute(BackgroundTask.of(() -> i18n.get("ui.nodes.task.bundle", pool.id()), ctx -> {
                    DiagnosticBundle.Contents contents = DiagnosticBundle.collect(c, acct, pool, diagnoses, version, clock);
                    return new DiagnosticBundle(messages).write(file, contents);
                })
                .onSuccess(n -> status.set(LocalizedText.of("ui.nodes.bundle.saved", file.toString())))
                .onFailure(e -> error.set(describe.apply(e)))
                .onFinally(() -> {
                    if (gen == generation) busy.set(false);
                }));
    }

    private interface NodeCall {
        void call(Connection c, BatchAccountInfo account, String poolId, String nodeId);
    }

    private boolean act(List<ComputeNode> nodes, String titleKey, String questionKey, String doneKey, String what, NodeCall call) {
        if (!ready(nodes)) return false;
        List<String> ids = nodes.stream().map(ComputeNode::id).toList();
        String option = deallocation.get();
        String text = i18n.get(questionKey, ids.size(), poolId, i18n.get(deallocationKey(option)));
        if (!confirmer.confirm(titleKey, text)) return false;
        Connection c = connection;
        BatchAccountInfo acct = account;
        String pool = poolId;
        run(() -> i18n.get("reimage".equals(what) ? "ui.nodes.task.reimage" : "ui.nodes.task.reboot", ids.size(), pool), () -> {
            for (String id : ids) call.call(c, acct, pool, id);
        }, what + " " + option, ids, LocalizedText.of(doneKey, ids.size(), pool));
        return true;
    }

    private boolean ready(List<ComputeNode> nodes) {
        if (connection == null || poolId == null) return false;
        if (nodes == null || nodes.isEmpty()) {
            error.set(LocalizedText.of("ui.nodes.action.selectFirst"));
            return false;
        }
        return !busy.get();
    }

    /** Runs an action (on the task's thread); when it fails, journals {@code failedLine} there too and rethrows. */
    private <T> T journaled(java.util.concurrent.Callable<T> action, String failedLine) throws Exception {
        try {
            return action.call();
        } catch (Exception e) {
            journal.accept(failedLine);
            throw e;
        }
    }

    private void run(java.util.function.Supplier<String> title, Runnable work, String journalWhat, List<String> ids, LocalizedText done) {
        busy.set(true);
        error.set(null);
        int gen = generation;
        String pool = poolId;
        String acct = account == null ? "-" : account.name();
        tasks.execute(BackgroundTask.of(title, ctx -> {
                    journaled(() -> {
                        work.run();
                        return Boolean.TRUE;
                    }, line(pool, acct, journalWhat + " failed", ids));
                    journal.accept(line(pool, acct, journalWhat, ids));
                    return Boolean.TRUE;
                })
                .onSuccess(r -> status.set(done))
                .onFailure(e -> error.set(LocalizedText.of("ui.nodes.action.failed", i18n.get(describe.apply(e)))))
                .onFinally(() -> {
                    if (gen != generation) return;
                    busy.set(false);
                    refresh();
                }));
    }

    private String line(String pool, String acct, String what, List<String> ids) {
        List<String> shownIds = new ArrayList<>(ids.subList(0, Math.min(ids.size(), 50)));
        if (ids.size() > 50) shownIds.add("+" + (ids.size() - 50));
        return SecretMasker.mask(clock.instant() + " node-action pool=" + pool + " account=" + acct + " " + what
                + " nodes=" + String.join(",", shownIds));
    }

    /** The label key of a deallocation option. */
    public static String deallocationKey(String option) {
        return switch (option == null ? "requeue" : option) {
            case "terminate" -> "ui.nodes.dealloc.terminate";
            case "taskcompletion" -> "ui.nodes.dealloc.taskcompletion";
            case "retaineddata" -> "ui.nodes.dealloc.retaineddata";
            default -> "ui.nodes.dealloc.requeue";
        };
    }

    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
