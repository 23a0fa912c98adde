package io.poolforge.ui.inspect;

import io.poolforge.domain.ResizeError;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.ui.BusySpinner;
import io.poolforge.ui.I18n;
import io.poolforge.ui.TableLayouts;
import io.poolforge.ui.Tables;
import io.poolforge.ui.watch.DiagnosisCards;
import io.poolforge.ui.watch.ImageHealth;
import io.poolforge.ui.watch.NodeStates;
import io.poolforge.ui.watch.PoolWatchView;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pool inspector on screen: a filterable table of the account's pools (managed-image pools
 * flagged as retired sources) and the opened pool's properties, images, resize errors with their
 * diagnoses, node counts and the pools sharing its image. Reachable without the wizard.
 */
public final class InspectorView {
    private final InspectorViewModel model;
    private final I18n i18n;
    private final Function<String, Path> chooseExportFile;
    private final TableLayouts layouts;
    private Node view;

    /**
     * @param chooseExportFile asks where to save a pool's JSON, given a suggested file name; null when
     *                         cancelled (the app shows a FileChooser); null to offer no file export
     */
    public InspectorView(InspectorViewModel model, I18n i18n, Function<String, Path> chooseExportFile) {
        this(model, i18n, chooseExportFile, TableLayouts.none());
    }

    public InspectorView(InspectorViewModel model, I18n i18n, Function<String, Path> chooseExportFile, TableLayouts layouts) {
        this.layouts = layouts;
        this.model = model;
        this.i18n = i18n;
        this.chooseExportFile = chooseExportFile;
    }

    public Node view() {
        if (view == null) view = build();
        return view;
    }

    private Node nodesPanel;

    /** Shows {@code panel} (the nodes of the opened pool) under the pool's details; call before {@link #view()}. */
    public InspectorView withNodes(Node panel) {
        this.nodesPanel = panel;
        return this;
    }

    private Node build() {
        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("inspect.title",
                model.account() == null ? "" : model.account().name()), i18n.messagesProperty(), model.statusProperty()));
        Button refresh = new Button();
        refresh.setId("inspect-refresh");
        refresh.textProperty().bind(i18n.text("inspect.refresh"));
        refresh.setOnAction(e -> model.refresh());
        CheckBox custom = new CheckBox();
        custom.setId("inspect-custom-only");
        custom.textProperty().bind(i18n.text("inspect.filter.customOnly"));
        custom.selectedProperty().bindBidirectional(model.customOnlyProperty());
        CheckBox errors = new CheckBox();
        errors.setId("inspect-errors-only");
        errors.textProperty().bind(i18n.text("inspect.filter.errorsOnly"));
        errors.selectedProperty().bindBidirectional(model.errorsOnlyProperty());
        for (Region r : new Region[] {refresh, custom, errors}) r.setMinWidth(Region.USE_PREF_SIZE);
        TextField search = new TextField();
        search.setId("inspect-search");
        search.promptTextProperty().bind(i18n.text("inspect.search.prompt"));
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        BusySpinner spinner = new BusySpinner(model.loadingProperty(), i18n.text("inspect.loading"));
        HBox toolbar = new HBox(8, refresh, custom, errors, spinner);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        // The filter gets a row of its own: beside an opened pool the list pane is narrow.
        search.setMaxWidth(Double.MAX_VALUE);

        TableView<PoolRow> table = new TableView<>(model.rows());
        table.setId("inspect-pools");
        // Columns as wide as their content (Tables.fitToContent), not stretched: the last ones hide while a pool
        // is open, and a constrained policy keeps the stretched widths of before, pushing columns out of view.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // What staff look for first: the pool, its state, its nodes, its last error; then its image.
        TableColumn<PoolRow, PoolRow> id = column(table, "inspect.col.id", r -> r, 150);
        Tables.copyableCells(id, i18n, PoolRow::id, PoolRow::id);
        column(table, "inspect.col.allocation", r -> i18n.name(r.pool().allocationState()), 90);
        TableColumn<PoolRow, PoolRow> nodes = column(table, "inspect.col.nodes", r -> r, 90);
        Tables.copyableCells(nodes, i18n, r -> i18n.get(nodesText(r)), r -> i18n.get(nodesDetail(r)));
        column(table, "inspect.col.lastError", r -> {
            ResizeError e = r.lastError();
            if (e != null) return e.code();
            // No resize error, but broken nodes: that is the pool's problem, said as such (PF-20).
            return r.problemNodes() > 0 ? i18n.get("inspect.value.nodeProblems", r.problemNodes(), r.currentNodes()) : "";
        }, 130);
        TableColumn<PoolRow, PoolRow> type = column(table, "inspect.col.imageType", r -> r, 120);
        type.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(PoolRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                setGraphic(empty || r == null ? null : imageTypeBadge(r));
            }
        });
        Tables.text(type, r -> i18n.get(badgeKey(r)), 14);
        TableColumn<PoolRow, PoolRow> image = column(table, "inspect.col.image", r -> r, 160);
        Tables.copyableCells(image, i18n, r -> r.customImage() ? Tables.shortName(r.pool().customImageId()) : r.imageDisplay(),
                PoolRow::imageDisplay);
        // The VM size is in the details (and in the filter): the list has no room for it in Spanish.
        // Once a pool is open, its details sit beside the list: the list keeps the columns that tell pools apart.
        for (TableColumn<PoolRow, ?> wide : java.util.List.of(type, image)) {
            wide.visibleProperty().bind(model.selectedProperty().isNull());
        }
        Tables.fitToContent(table, i18n);
        layouts.remember(table, "inspector-pools");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != model.selectedProperty().get()) model.selectedProperty().set(b);
        });
        // A pool chosen elsewhere ("Open in the inspector", PF-20) is the table's selection too, scrolled into view.
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        io.poolforge.ui.Tables.keepRows(table, 4);

        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.textProperty().bind(i18n.text(model.errorProperty()));
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Label status = new Label();
        status.setId("inspect-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(i18n.text(model.statusProperty()));

        VBox left = new VBox(8, title, toolbar, search, table, error, status);
        left.setPadding(new Insets(10));

        VBox detail = new VBox(10);
        detail.setId("inspect-details");
        detail.setPadding(new Insets(10));
        Runnable fill = () -> fillDetails(detail);
        model.detailsProperty().addListener((o, a, b) -> fill.run());
        model.selectedProperty().addListener((o, a, b) -> fill.run());
        i18n.messagesProperty().addListener((o, a, b) -> {
            fill.run();
            table.refresh();
        });
        fill.run();
        VBox detailAndNodes = new VBox(detail);
        if (nodesPanel != null) {
            nodesPanel.visibleProperty().bind(model.selectedProperty().isNotNull());
            nodesPanel.managedProperty().bind(nodesPanel.visibleProperty());
            // PF-21: the nodes panel (hidden until a pool is chosen) is styled and laid out in a pulse after the page's own:
            // opening the inspector was one piece of ~50 ms of FX-thread work with it (docs/BENCHMARKS.md).
            io.poolforge.ui.Pulses.inPulses(detailAndNodes, () -> detailAndNodes.getChildren().add(nodesPanel));
        }
        ScrollPane scroll = io.poolforge.ui.Scrolls.uncached(new ScrollPane(detailAndNodes));
        scroll.setFitToWidth(true);

        SplitPane split = new SplitPane(left, scroll);
        // The list gets the room until a pool is opened; then the details share it.
        split.setDividerPositions(model.selectedProperty().get() == null ? LIST_ONLY : OPENED);
        model.selectedProperty().addListener((o, a, b) -> {
            if ((a == null) != (b == null)) split.setDividerPositions(b == null ? LIST_ONLY : OPENED);
        });
        split.setId("inspector");
        split.getStyleClass().add("inspector");
        return split;
    }

    private static final double LIST_ONLY = 0.9;
    private static final double OPENED = 0.45;

    /** "2 / 4" dedicated nodes, with the Spot ones when the pool has some: "2 / 4 + 1 / 3 Spot". */
    static io.poolforge.domain.LocalizedText nodesText(PoolRow r) {
        var p = r.pool();
        if (p.targetLowPriorityNodes() == 0 && p.currentLowPriorityNodes() == 0) {
            return io.poolforge.domain.LocalizedText.of("inspect.value.currentOfTarget", p.currentDedicatedNodes(), p.targetDedicatedNodes());
        }
        return io.poolforge.domain.LocalizedText.of("inspect.value.nodesWithSpot", p.currentDedicatedNodes(), p.targetDedicatedNodes(),
                p.currentLowPriorityNodes(), p.targetLowPriorityNodes());
    }

    static io.poolforge.domain.LocalizedText nodesDetail(PoolRow r) {
        var p = r.pool();
        return io.poolforge.domain.LocalizedText.of("inspect.value.nodesDetail", p.currentDedicatedNodes(), p.targetDedicatedNodes(),
                p.currentLowPriorityNodes(), p.targetLowPriorityNodes());
    }

    private <T> TableColumn<PoolRow, T> column(TableView<PoolRow> table, String key, Function<PoolRow, T> value, double width) {
        TableColumn<PoolRow, T> c = new TableColumn<>();
        c.setId(key);
        Tables.text(c, row -> {
            Object v = value.apply(row);
            return v == null ? "" : String.valueOf(v);
        }, 0);
        c.textProperty().bind(i18n.text(key));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        table.getColumns().add(c);
        return c;
    }

    /** A short badge: Marketplace, Gallery, Gallery (missing), Managed (retired). */
    private static String badgeKey(PoolRow r) {
        return switch (r.imageType()) {
            case MARKETPLACE -> "inspect.badge.marketplace";
            case GALLERY -> Boolean.FALSE.equals(r.imageExists()) ? "inspect.badge.galleryMissing" : "inspect.badge.gallery";
            case MANAGED -> "inspect.badge.retiredSource";
        };
    }

    private Node imageTypeBadge(PoolRow r) {
        Label l = new Label(i18n.get(badgeKey(r)));
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("badge");
        if (r.retiredSource()) {
            l.getStyleClass().addAll("warn", "retired-source");
        } else if (Boolean.FALSE.equals(r.imageExists())) {
            l.getStyleClass().add("blocked");
        } else {
            l.getStyleClass().add("ok");
        }
        return l;
    }


    private void fillDetails(VBox box) {
        box.getChildren().clear();
        PoolRow row = model.selectedProperty().get();
        PoolDetails d = model.detailsProperty().get();
        if (row == null) {
            Label none = new Label(i18n.get("inspect.details.none"));
            none.setWrapText(true);
            none.setMinHeight(Region.USE_PREF_SIZE);
            none.getStyleClass().add("text-muted");
            box.getChildren().add(none);
            return;
        }
        Label heading = new Label(i18n.get("inspect.details.title", row.id()));
        heading.getStyleClass().add("title-3");
        Button copy = new Button(i18n.get("inspect.action.copyJson"));
        copy.setId("inspect-copy-json");
        copy.setOnAction(e -> model.copyJson(row));
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, copy);
        actions.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(heading);
        if (chooseExportFile != null) {
            Button export = new Button(i18n.get("inspect.action.exportJson"));
            export.setId("inspect-export-json");
            export.setOnAction(e -> {
                Path file = chooseExportFile.apply(row.id() + ".json");
                if (file != null) model.exportJson(row, file);
            });
            actions.getChildren().add(export);
        }
        box.getChildren().add(actions);
        if (row.retiredSource()) {
            Label flag = new Label(i18n.get("inspect.retired.text", row.imageDisplay()));
            flag.setWrapText(true);
            flag.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            flag.getStyleClass().addAll("warning-text", "retired-source-text");
            Button migrate = new Button(i18n.get("inspect.action.migrate"));
            migrate.setId("inspect-migrate");
            migrate.getStyleClass().add("accent");
            migrate.setOnAction(e -> model.migrateToGallery(row));
            VBox card = new VBox(6, flag, migrate);
            card.getStyleClass().addAll("step-card", "retired-card");
            card.setPadding(new Insets(10));
            box.getChildren().add(card);
        }
        if (d == null) {
            box.getChildren().add(new Label(i18n.get("inspect.details.loading")));
            return;
        }
        // The story first (PF-20): what is wrong, the evidence and what to do, then the properties.
        box.getChildren().add(section("inspect.group.errors"));
        if (d.diagnoses().isEmpty()) box.getChildren().add(new Label(i18n.get("watch.diagnoses.none")));
        for (Diagnosis diag : d.diagnoses()) {
            box.getChildren().add(DiagnosisCards.card(i18n, diag, model.performable(), (a, x) -> model.perform(a, x)));
        }
        for (PoolDetails.PropertyGroup g : d.groups()) {
            box.getChildren().add(section(g.titleKey()));
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.setVgap(3);
            int i = 0;
            for (PoolDetails.Property p : g.properties()) {
                Label k = new Label(i18n.get(p.labelKey()));
                k.getStyleClass().add("text-muted");
                k.setMinWidth(Region.USE_PREF_SIZE);
                Label v = new Label(i18n.get(p.value()));
                // The raw value (an ISO instant, a full id) stays one hover away, and copyable.
                String rawValue = p.value().args().size() == 1 ? String.valueOf(p.value().args().get(0)) : v.getText();
                v.setTooltip(new javafx.scene.control.Tooltip(rawValue));
                javafx.scene.control.MenuItem copyValue = new javafx.scene.control.MenuItem(i18n.get("ui.copy.value"));
                copyValue.setOnAction(e -> Tables.toClipboard(rawValue));
                v.setContextMenu(new javafx.scene.control.ContextMenu(copyValue));
                v.setWrapText(true);
                v.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                if (v.getText().startsWith("/subscriptions/")) {
                    // A resource id reads by its short name; the full id is on hover and one click from the clipboard (PF-20).
                    v.setText(Tables.shortName(v.getText()));
                    Button copyId = new Button(i18n.get("ui.copy.id"));
                    copyId.getStyleClass().addAll("small", "flat");
                    copyId.setOnAction(e -> Tables.toClipboard(rawValue));
                    copyId.setMinWidth(Region.USE_PREF_SIZE);
                    HBox withCopy = new HBox(6, v, copyId);
                    withCopy.setAlignment(Pos.CENTER_LEFT);
                    grid.addRow(i++, k, withCopy);
                    continue;
                }
                grid.addRow(i++, k, v);
            }
            box.getChildren().add(grid);
        }

        if (d.image() != null && d.image().custom()) {
            box.getChildren().add(section("inspect.group.images"));
            for (ImageHealth.AssociatedImage a : d.image().associated()) {
                String exists = i18n.get(a.exists() == null ? "inspect.value.unknown" : a.exists() ? "inspect.value.yes" : "inspect.value.no");
                String replicas = a.replicas().isEmpty() ? "" : a.replicas().stream()
                        .map(r -> i18n.get("inspect.image.replica", r.region(), r.replicaCount(), r.state() == null ? "" : r.state()))
                        .collect(Collectors.joining("; "));
                Label l = new Label(i18n.get("inspect.image.line", i18n.get(kindKey(a.kind())), a.id(), exists, replicas));
                l.setWrapText(true);
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                if (Boolean.FALSE.equals(a.exists())) l.getStyleClass().add("danger");
                box.getChildren().add(l);
            }
            box.getChildren().add(section("inspect.group.sharing"));
            String others = d.sharing().isEmpty() ? i18n.get("inspect.sharing.none")
                    : d.sharing().stream().map(p -> p.id()).collect(Collectors.joining(", "));
            Label sharing = new Label(others);
            sharing.setWrapText(true);
            sharing.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label usage = new Label(i18n.get("inspect.sharing.usage", d.sharedDedicated(), InspectorViewModel.maxDedicated(),
                    d.sharedLowPriority(), InspectorViewModel.maxLowPriority()));
            usage.setWrapText(true);
            usage.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            if (d.sharedDedicated() > InspectorViewModel.maxDedicated() || d.sharedLowPriority() > InspectorViewModel.maxLowPriority()) {
                usage.getStyleClass().add("danger");
            }
            // PF-18: the 2,000 / 1,000 limit is for pools created with a managed image (batch-quota-limit); gallery pools
            // are bounded by quotas and replicas, so the usage line is shown for managed images only.
            boolean managedImage = d.image() != null && d.image().managed();
            usage.setVisible(managedImage);
            usage.setManaged(managedImage);
            box.getChildren().addAll(sharing, usage);
        }


        box.getChildren().add(section("inspect.group.nodes"));
        if (d.states().isEmpty()) box.getChildren().add(new Label(i18n.get("inspect.nodes.none")));
        for (NodeStates.StateCount c : d.states()) {
            Region square = new Region();
            square.getStyleClass().addAll("node-square", c.group().name().toLowerCase(Locale.ROOT));
            Label l = new Label(i18n.get("watch.states.row", i18n.get(NodeStates.labelKey(c.state()), c.state()),
                    c.dedicated(), c.lowPriority()));
            HBox line = new HBox(6, square, l);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        }
        Label imageLine = new Label(PoolWatchView.imageText(i18n, d.image()));
        imageLine.getStyleClass().add("text-muted");
        imageLine.setWrapText(true);
        imageLine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getChildren().add(imageLine);
    }

    private Label section(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().addAll("title-4", "inspect-section");
        return l;
    }


    private static String kindKey(ImageHealth.Kind k) {
        return switch (k) {
            case GALLERY_IMAGE_VERSION -> "inspect.kind.galleryVersion";
            case GALLERY_IMAGE_DEFINITION -> "inspect.kind.galleryDefinition";
            case MANAGED_IMAGE -> "inspect.kind.managedImage";
            case SNAPSHOT -> "inspect.kind.snapshot";
        };
    }
}
