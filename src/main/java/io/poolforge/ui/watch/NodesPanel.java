package io.poolforge.ui.watch;

import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.nodes.ComputeNode;
import io.poolforge.domain.nodes.NodeAction;
import io.poolforge.domain.nodes.NodeError;
import io.poolforge.domain.nodes.NodeErrorGroup;
import io.poolforge.ui.I18n;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A pool's nodes on screen (watch and inspector): filters by state and error code, the grouped errors with their
 * diagnosis ("4 nodes: <code>", cause, remedy, what to check, source), a virtualized table of the nodes,
 * the node actions, and the selected node's errors and start task stderr tail. Texts are rebuilt on a language switch.
 */
public final class NodesPanel {
    private final NodesViewModel model;
    private final I18n i18n;
    private final Supplier<PoolInfo> pool;
    private final Supplier<List<Diagnosis>> diagnoses;
    private final Function<String, Optional<Path>> chooseBundleFile;
    private final Function<String, Optional<String>> askContainerUrl;
    private Node view;

    /**
     * @param pool             the pool as last read (for the bundle)
     * @param diagnoses        the pool's resize diagnoses (for the bundle)
     * @param chooseBundleFile asks where to save the bundle (given a suggested file name)
     * @param askContainerUrl  asks for the container URL of a log upload (given the node id)
     */
    public NodesPanel(NodesViewModel model, I18n i18n, Supplier<PoolInfo> pool, Supplier<List<Diagnosis>> diagnoses,
                      Function<String, Optional<Path>> chooseBundleFile, Function<String, Optional<String>> askContainerUrl) {
        this.model = model;
        this.i18n = i18n;
        this.pool = pool;
        this.diagnoses = diagnoses;
        this.chooseBundleFile = chooseBundleFile;
        this.askContainerUrl = askContainerUrl;
    }

    public Node view() {
        if (view == null) view = build();
        return view;
    }

    private Node build() {
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.setId("nodes-title");

        ComboBox<String> stateFilter = new ComboBox<>();
        stateFilter.setId("nodes-filter-state");
        ComboBox<String> codeFilter = new ComboBox<>();
        codeFilter.setId("nodes-filter-code");
        Label stateLabel = new Label();
        stateLabel.textProperty().bind(i18n.text("ui.nodes.filter.state"));
        stateLabel.setLabelFor(stateFilter);
        Label codeLabel = new Label();
        codeLabel.textProperty().bind(i18n.text("ui.nodes.filter.code"));
        codeLabel.setLabelFor(codeFilter);
        Button refresh = new Button();
        refresh.setId("nodes-refresh");
        refresh.textProperty().bind(i18n.text("ui.nodes.refresh"));
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.loadingProperty());
        // PF-20: in a narrow pane the filters wrap onto a second line rather than cutting their labels to "St…".
        for (javafx.scene.control.Labeled l : List.of(stateLabel, codeLabel, refresh)) l.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(8, 6, new HBox(8, stateLabel, stateFilter),
                new HBox(8, codeLabel, codeFilter), refresh);
        for (Node n : filters.getChildren()) if (n instanceof HBox h) h.setAlignment(Pos.CENTER_LEFT);
        filters.setAlignment(Pos.CENTER_LEFT);

        VBox groups = new VBox(8);
        groups.setId("nodes-groups");

        TableView<ComputeNode> table = new TableView<>(model.shown());
        table.setId("nodes-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPrefHeight(260);
        // eight columns in 1,280 px, in English and Spanish, without clipping
        table.setStyle("-fx-font-size: 0.92em;");
        table.setMinHeight(160);
        // fixed widths: in a narrow window the table scrolls sideways instead of cutting texts off
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // All nodes of a pool have the pool's VM size: it is in the title, not in a column; the last boot is in the node's detail.
        TableColumn<ComputeNode, String> id = column("ui.nodes.col.id", 285, n -> n.id());
        TableColumn<ComputeNode, String> state = column("ui.nodes.col.state", 200, n -> PoolWatchView.stateLabel(i18n, n.state()));
        TableColumn<ComputeNode, String> kind = column("ui.nodes.col.kind", 120,
                n -> i18n.get(n.dedicated() ? "ui.nodes.kind.dedicated" : "ui.nodes.kind.spot"));
        TableColumn<ComputeNode, String> since = column("ui.nodes.col.since", 125, n -> i18n.formats().relative(n.stateTransitionTime()));
        TableColumn<ComputeNode, String> start = column("ui.nodes.col.startTask", 145, this::startTask);
        TableColumn<ComputeNode, String> agent = column("ui.nodes.col.agent", 115, n -> n.nodeAgentVersion() == null ? "" : n.nodeAgentVersion());
        TableColumn<ComputeNode, String> errors = column("ui.nodes.col.errors", 160,
                n -> n.errors().stream().map(NodeError::code).collect(Collectors.joining(", ")));
        table.getColumns().setAll(List.of(id, state, kind, since, start, agent, errors));
        // The columns the width allows, by importance; what does not fit is in the node's detail.
        List<TableColumn<ComputeNode, String>> byImportance = List.of(id, state, errors, start, kind, since, agent);
        Runnable fit = () -> {
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 20;
            if (room <= 0) return;
            double used = 0;
            boolean full = false;
            for (TableColumn<ComputeNode, String> c : byImportance) {
                boolean fits = !full && used + c.getPrefWidth() <= room;
                if (fits) used += c.getPrefWidth();
                else full = true;
                if (c.isVisible() != fits) c.setVisible(fits);
            }
        };
        table.widthProperty().addListener((o, a, b) -> fit.run());
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(model.loadingProperty()).then(i18n.text("ui.nodes.loading")).otherwise(i18n.text("ui.nodes.empty")));
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty().set(b));

        Button reboot = new Button();
        reboot.setId("nodes-reboot");
        Button reimage = new Button();
        reimage.setId("nodes-reimage");
        Button remove = new Button();
        remove.setId("nodes-remove");
        Button upload = new Button();
        upload.setId("nodes-upload");
        Button bundle = new Button();
        bundle.setId("nodes-bundle");
        reboot.textProperty().bind(i18n.text(NodeAction.REBOOT.key()));
        reimage.textProperty().bind(i18n.text(NodeAction.REIMAGE.key()));
        remove.textProperty().bind(i18n.text(NodeAction.REMOVE.key()));
        upload.textProperty().bind(i18n.text(NodeAction.UPLOAD_LOGS.key()));
        bundle.textProperty().bind(i18n.text("ui.nodes.action.bundle"));
        ComboBox<String> dealloc = new ComboBox<>();
        dealloc.setId("nodes-dealloc");
        dealloc.getItems().setAll(NodesViewModel.DEALLOCATION_OPTIONS);
        dealloc.valueProperty().bindBidirectional(model.deallocationProperty());
        dealloc.setConverter(io.poolforge.ui.Named.by(v -> v == null ? "" : i18n.get(NodesViewModel.deallocationKey(v))));
        Label deallocLabel = new Label();
        deallocLabel.textProperty().bind(i18n.text("ui.nodes.dealloc.label"));
        deallocLabel.setLabelFor(dealloc);
        var noneSelected = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        reboot.disableProperty().bind(noneSelected.or(model.busyProperty()));
        // Batch reimages nodes only in cloud-service-configuration pools (retired); PoolForge's pools never are.
        reimage.disableProperty().bind(noneSelected.or(model.busyProperty()).or(model.reimageSupportedProperty().not()));
        javafx.scene.control.Tooltip reimageTip = new javafx.scene.control.Tooltip();
        reimageTip.textProperty().bind(i18n.text("ui.nodes.reimage.unsupported"));
        // a disabled button gets no mouse events: the tooltip sits on its box
        HBox reimageBox = new HBox(reimage);
        javafx.scene.control.Tooltip.install(reimageBox, reimageTip);
        remove.disableProperty().bind(noneSelected.or(model.busyProperty()));
        upload.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        bundle.disableProperty().bind(model.busyProperty());
        reboot.setOnAction(e -> model.reboot(List.copyOf(table.getSelectionModel().getSelectedItems())));
        reimage.setOnAction(e -> model.reimage(List.copyOf(table.getSelectionModel().getSelectedItems())));
        remove.setOnAction(e -> model.remove(List.copyOf(table.getSelectionModel().getSelectedItems())));
        upload.setOnAction(e -> {
            ComputeNode n = model.selectedProperty().get();
            if (n != null) askContainerUrl.apply(n.id()).ifPresent(url -> model.uploadLogs(n, url));
        });
        bundle.setOnAction(e -> {
            PoolInfo p = pool.get();
            if (p == null) return;
            chooseBundleFile.apply("poolforge-" + p.id() + ".zip").ifPresent(f -> model.writeBundle(f, p, diagnoses.get()));
        });
        FlowPane actions = new FlowPane(8, 6, reboot, reimageBox, deallocLabel, dealloc, remove, upload, bundle);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("nodes-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(i18n.text(model.statusProperty()));
        Label error = new Label();
        error.setId("nodes-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(i18n.text(model.errorProperty()));
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        Label detailTitle = new Label();
        detailTitle.getStyleClass().add("text-bold");
        detailTitle.setId("nodes-detail-title");
        VBox detailErrors = new VBox(2);
        detailErrors.setId("nodes-detail-errors");
        Label stderrTitle = new Label();
        Label stderrNote = new Label();
        stderrNote.getStyleClass().add("text-muted");
        stderrNote.textProperty().bind(i18n.text(model.stderrNoteProperty()));
        stderrNote.visibleProperty().bind(model.stderrNoteProperty().isNotNull());
        stderrNote.managedProperty().bind(stderrNote.visibleProperty());
        TextArea stderr = new TextArea();
        stderr.setId("nodes-stderr");
        stderr.setEditable(false);
        stderr.setWrapText(true);
        stderr.setPrefRowCount(NodesViewModel.STDERR_LINES);
        // the tail's end is what matters: keep it in view
        stderr.textProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(() -> stderr.setScrollTop(Double.MAX_VALUE)));
        stderr.getStyleClass().add("monospace");
        stderr.setStyle("-fx-font-family: monospace;");
        stderr.textProperty().bind(model.stderrProperty());
        stderr.visibleProperty().bind(model.stderrProperty().isNotEmpty());
        stderr.managedProperty().bind(stderr.visibleProperty());
        Label detailFacts = new Label();
        detailFacts.setId("nodes-detail-facts");
        detailFacts.setWrapText(true);
        detailFacts.setMinHeight(Region.USE_PREF_SIZE);
        VBox detail = new VBox(4, detailTitle, detailFacts, detailErrors, stderrTitle, stderrNote, stderr);
        detail.setId("nodes-detail");
        detail.visibleProperty().bind(model.selectedProperty().isNotNull());
        detail.managedProperty().bind(detail.visibleProperty());

        Runnable texts = () -> {
            String vmSize = model.all().stream().map(ComputeNode::vmSize).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            title.setText(vmSize == null ? i18n.get("ui.nodes.title", model.shown().size(), model.all().size())
                    : i18n.get("ui.nodes.titleSize", model.shown().size(), model.all().size(), vmSize));
            groups.getChildren().clear();
            if (model.groups().isEmpty() && !model.all().isEmpty()) {
                Label none = new Label(i18n.get("ui.nodes.group.none"));
                groups.getChildren().add(none);
            }
            for (NodeErrorGroup g : model.groups()) groups.getChildren().add(card(g));
            ComputeNode n = model.selectedProperty().get();
            detailTitle.setText(n == null ? "" : i18n.get("ui.nodes.detail.title", n.id(), PoolWatchView.stateLabel(i18n, n.state())));
            detailFacts.setText(n == null ? "" : facts(n));
            detailErrors.getChildren().clear();
            if (n != null) {
                for (NodeError e : n.errors()) {
                    Label l = new Label(i18n.get("ui.nodes.detail.error", e.code(), e.message()));
                    l.setWrapText(true);
                    l.setMinHeight(Region.USE_PREF_SIZE);
                    detailErrors.getChildren().add(l);
                    for (NodeError.Detail d : e.details()) detailErrors.getChildren().add(new Label("    " + d.name() + " = " + d.value()));
                }
            }
            stderrTitle.setText(i18n.get("ui.nodes.detail.stderr", NodesViewModel.STDERR_LINES));
            stateFilter.setConverter(io.poolforge.ui.Named.by(v -> v == null ? i18n.get("ui.nodes.filter.all") : PoolWatchView.stateLabel(i18n, v)));
            codeFilter.setConverter(io.poolforge.ui.Named.by(v -> v == null ? i18n.get("ui.nodes.filter.all") : v));
            dealloc.setConverter(io.poolforge.ui.Named.by(v -> v == null ? "" : i18n.get(NodesViewModel.deallocationKey(v))));
            // a converter change does not redraw the shown value: new button cells do
            for (ComboBox<String> box : List.of(stateFilter, codeFilter, dealloc)) box.setButtonCell(buttonCell(box));
            table.refresh();
        };
        Runnable options = () -> {
            String sv = model.stateFilterProperty().get();
            String cv = model.codeFilterProperty().get();
            stateFilter.getItems().setAll(model.states());
            stateFilter.getItems().add(0, null);
            codeFilter.getItems().setAll(model.codes());
            codeFilter.getItems().add(0, null);
            stateFilter.setValue(sv);
            codeFilter.setValue(cv);
        };
        stateFilter.valueProperty().addListener((o, a, b) -> model.stateFilterProperty().set(b));
        codeFilter.valueProperty().addListener((o, a, b) -> model.codeFilterProperty().set(b));
        model.stateFilterProperty().addListener((o, a, b) -> stateFilter.setValue(b));
        model.codeFilterProperty().addListener((o, a, b) -> codeFilter.setValue(b));
        model.states().addListener((ListChangeListener<String>) c -> options.run());
        model.codes().addListener((ListChangeListener<String>) c -> options.run());
        model.shown().addListener((ListChangeListener<ComputeNode>) c -> texts.run());
        model.groups().addListener((ListChangeListener<NodeErrorGroup>) c -> texts.run());
        model.selectedProperty().addListener((o, a, b) -> texts.run());
        i18n.messagesProperty().addListener((o, a, b) -> {
            texts.run();
            options.run();
        });
        options.run();
        texts.run();

        Label groupsTitle = new Label();
        groupsTitle.getStyleClass().add("title-4");
        groupsTitle.textProperty().bind(i18n.text("ui.nodes.groups.title"));
        VBox root = new VBox(8, title, filters, groupsTitle, groups, table, actions, status, error, detail);
        root.setPadding(new Insets(12, 0, 12, 12));
        root.setId("nodes-panel");
        VBox.setVgrow(table, Priority.ALWAYS);
        return root;
    }

    private static ListCell<String> buttonCell(ComboBox<String> box) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean emptyCell) {
                super.updateItem(item, emptyCell);
                setText(box.getConverter() == null ? item : box.getConverter().toString(item));
            }
        };
    }

    /** The node's facts in one line (the columns a narrow table leaves out). */
    private String facts(ComputeNode n) {
        String start = startTask(n);
        return i18n.get("ui.nodes.detail.facts", i18n.get(n.dedicated() ? "ui.nodes.kind.dedicated" : "ui.nodes.kind.spot"),
                n.vmSize() == null ? "-" : n.vmSize(), i18n.formats().relative(n.stateTransitionTime()),
                i18n.formats().relative(n.lastBootTime()), start.isEmpty() ? "-" : start,
                n.nodeAgentVersion() == null ? "-" : n.nodeAgentVersion());
    }

    private String startTask(ComputeNode n) {
        if (n.startTaskExitCode() == null && n.startTaskResult() == null) return "";
        String code = n.startTaskExitCode() == null ? "-" : String.valueOf(n.startTaskExitCode());
        return i18n.get(n.startTaskFailed() ? "ui.nodes.startTask.failure" : "ui.nodes.startTask.success", code);
    }

    private VBox card(NodeErrorGroup g) {
        String code = g.code() == null ? i18n.get("ui.nodes.group.noError") : g.code();
        Label head = new Label(i18n.get("ui.nodes.group.header", g.count(), code));
        head.getStyleClass().addAll("text-bold", "nodes-group-header");
        // A flow, not a row: at 1024×700 the header, the unknown mark and the evidence level wrap instead of being cut to "…".
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(8, 4, head);
        if (!g.known()) {
            // only a code PoolForge does not know is marked: the others carry their diagnosis
            Label badge = new Label(i18n.get("ui.nodes.group.unknown"));
            badge.getStyleClass().addAll("badge", "warn");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(0, badge);
        }
        Label level = new Label(i18n.get("ui.diagnose.level", i18n.get(g.confidence().key())));
        level.getStyleClass().addAll("badge", "diagnosis-level", g.confidence() == io.poolforge.domain.diagnose.Confidence.CONFIRMED
                ? "blocked" : g.confidence() == io.poolforge.domain.diagnose.Confidence.LIKELY ? "warn" : "muted");
        level.setUserData(g.confidence());
        level.setMinWidth(Region.USE_PREF_SIZE);
        top.getChildren().add(level);
        top.setAlignment(Pos.CENTER_LEFT);
        Label cause = new Label(i18n.get(g.causeText()));
        cause.getStyleClass().add("danger");
        Label message = new Label(g.message() == null || g.message().isBlank() ? "" : "“" + g.message() + "”");
        message.getStyleClass().add("text-muted");
        message.setVisible(!message.getText().isEmpty());
        message.setManaged(message.isVisible());
        Label remedy = new Label(i18n.get(g.remedy()));
        VBox checks = new VBox(1);
        Label checkTitle = new Label(i18n.get("ui.nodes.group.check"));
        checkTitle.getStyleClass().add("text-bold");
        checks.getChildren().add(checkTitle);
        for (String line : i18n.get(g.check()).split("\n")) checks.getChildren().add(wrap(new Label("• " + line)));
        Label source = new Label(i18n.get("watch.diagnosis.source", g.source()));
        source.getStyleClass().add("text-muted");
        Button show = new Button(i18n.get("ui.nodes.group.show"));
        show.setOnAction(e -> model.filterTo(g));
        Label suggested = new Label(i18n.get("ui.nodes.group.suggested", i18n.get(g.action().key())));
        // PF-20: the button keeps its text; the suggestion and the header wrap in a narrow pane.
        show.setMinWidth(Region.USE_PREF_SIZE);
        wrap(suggested);
        wrap(head);
        HBox buttons = new HBox(8, show, suggested);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(4, top, wrap(cause), wrap(message), wrap(remedy), checks, wrap(source), buttons);
        card.getStyleClass().addAll("step-card", "diagnosis-card", "nodes-group");
        card.setPadding(new Insets(8));
        return card;
    }

    private static Label wrap(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private TableColumn<ComputeNode, String> column(String key, double width, Function<ComputeNode, String> value) {
        TableColumn<ComputeNode, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.text(key));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

}
