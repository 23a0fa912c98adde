package io.poolforge.ui.wizard.vm;

import static io.poolforge.ui.wizard.StepViews.column;
import static io.poolforge.ui.wizard.StepViews.label;
import static io.poolforge.ui.wizard.StepViews.paragraph;
import static io.poolforge.ui.wizard.StepViews.title;

import io.poolforge.domain.rules.Severity;
import io.poolforge.domain.rules.Violation;
import io.poolforge.ui.BusySpinner;
import io.poolforge.ui.I18n;
import io.poolforge.ui.TableLayouts;
import io.poolforge.ui.Tables;
import javafx.scene.layout.Region;
import io.poolforge.ui.wizard.StepView;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 2 on screen: search box, the VM table with an eligibility badge, and the selected VM's findings. */
public final class VmStepView extends StepView<VmViewModel> {

    private final TableLayouts layouts;

    public VmStepView(VmViewModel model, I18n i18n) {
        this(model, i18n, TableLayouts.none());
    }

    @Override public javafx.beans.value.ObservableValue<String> blockedKey() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> model.session().fromExistingImage()
                ? "wizard.blocked.vmExisting" : "wizard.blocked.vm", model.session().fromExistingImageProperty());
    }

    public VmStepView(VmViewModel model, I18n i18n, TableLayouts layouts) {
        super("vm", "wizard.step.vm", model, i18n, model.invalidProperty());
        this.layouts = layouts;
    }

    @Override public void onEnter() { model.enter(); }

    @Override
    protected Node build() {
        TextField search = new TextField();
        search.setId("vm-search");
        search.promptTextProperty().bind(i18n.text("wizard.vm.search.prompt"));
        // Filter once typing pauses (120 ms), not at every keystroke: the table's relayout is the cost.
        javafx.animation.PauseTransition debounce = new javafx.animation.PauseTransition(javafx.util.Duration.millis(120));
        debounce.setOnFinished(e -> model.searchProperty().set(search.getText()));
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        search.setText(model.searchProperty().get());
        HBox.setHgrow(search, Priority.ALWAYS);
        BusySpinner spinner = new BusySpinner(model.loadingProperty(), i18n.text("wizard.vm.loading"));
        Label count = new Label();
        count.setId("vm-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("wizard.vm.count", model.rows().size(), model.total()),
                i18n.messagesProperty(), model.rows(), model.pagesLoadedProperty()));
        HBox top = new HBox(8, search, spinner, count);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<VmRow> table = new TableView<>(model.rows());
        table.setId("vm-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // At a glance: can it be the source (and what needs attention), which VM, where, how big, from what, in what state.
        TableColumn<VmRow, VmRow> badge = column(table, i18n, "wizard.vm.col.eligible", r -> r, 150);
        badge.setCellFactory(c -> new TableCell<>() {
            // One badge a cell, its text and colour changed with the row (PF-21: a new label at every update was FX-thread
            // work at each page of rows and each scroll).
            private final Label l = new Label();

            {
                l.setMinWidth(Region.USE_PREF_SIZE);
                l.getStyleClass().add("badge");
            }

            @Override protected void updateItem(VmRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                VmRow.Eligibility e = r.eligibility();
                l.setText(i18n.get(r.badge()));
                String kind = e == VmRow.Eligibility.ELIGIBLE ? "ok" : e == VmRow.Eligibility.WARNINGS ? "warn" : "blocked";
                if (!l.getStyleClass().contains(kind)) {
                    l.getStyleClass().removeAll("ok", "warn", "blocked");
                    l.getStyleClass().add(kind);
                }
                setGraphic(l);
            }
        });
        Tables.text(badge, r -> i18n.get(r.badge()), 14);
        // The resource group and the disk count go in the name's tooltip (with the full id): at
        // 1280x800 the table has room for six columns in Spanish, and these tell VMs apart least.
        TableColumn<VmRow, VmRow> name = column(table, i18n, "wizard.vm.col.name", r -> r, 170);
        Tables.copyableCells(name, i18n, r -> r.vm().name(), r -> r.vm().id(), r -> i18n.get("wizard.vm.col.group") + ": "
                + r.vm().resourceGroup() + "\n" + i18n.get("wizard.vm.col.disks") + ": " + r.diskCount() + "\n" + r.vm().id());
        column(table, i18n, "wizard.vm.col.region", r -> r.vm().location(), 90);
        column(table, i18n, "wizard.vm.col.size", r -> r.vm().vmSize(), 130);
        TableColumn<VmRow, VmRow> image = column(table, i18n, "wizard.vm.col.image", r -> r, 130);
        Tables.copyableCells(image, i18n, VmRow::sourceImageShort, VmRow::sourceImage);
        column(table, i18n, "wizard.vm.col.power", r -> i18n.name(r.vm().powerState()), 90);
        Tables.fitToContent(table, i18n);
        layouts.remember(table, "vm");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != model.selectedProperty().get()) model.selectedProperty().set(b);
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) table.getSelectionModel().select(b);
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Tables.keepRows(table, 4);

        ObservableList<Violation> findings = FXCollections.observableArrayList();
        model.selectedProperty().addListener((o, a, b) -> findings.setAll(b == null ? java.util.List.of() : b.violations()));
        // The findings as wrapping labels (each holds its Violation as user data): they are as tall as
        // their text in either language, which a ListView's recycled cells are not after a switch.
        VBox findingsBox = new VBox(4);
        findingsBox.setId("vm-findings");
        findingsBox.getStyleClass().add("vm-findings");
        findingsBox.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        Runnable showFindings = () -> {
            findingsBox.getChildren().clear();
            for (Violation v : findings) {
                String sev = i18n.get(v.severity() == Severity.ERROR ? "wizard.vm.severity.error"
                        : v.severity() == Severity.WARNING ? "wizard.vm.severity.warning" : "wizard.vm.severity.info");
                Label l = new Label(sev + "  " + i18n.get(v.messageKey(), v.argsArray()));
                l.setUserData(v);
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                // The rule's code and its source page stay available, out of the way.
                l.setTooltip(new javafx.scene.control.Tooltip(v.code().name() + (v.source() == null ? "" : "\n" + v.source())));
                if (v.severity() == Severity.ERROR) l.getStyleClass().add("danger");
                else if (v.severity() == Severity.WARNING) l.getStyleClass().add("warning-text");
                findingsBox.getChildren().add(l);
            }
        };
        findings.addListener((javafx.collections.ListChangeListener<Violation>) c -> showFindings.run());
        javafx.scene.control.ScrollPane list = new javafx.scene.control.ScrollPane(findingsBox);
        list.setFitToWidth(true);
        list.setPrefHeight(150);
        list.setMinHeight(150);
        // Cells render their text when they update: a language switch must make them update.
        i18n.messagesProperty().addListener((o, a, b) -> {
            table.refresh();
            showFindings.run();
        });
        Label none = paragraph(i18n, "wizard.vm.findings.none");
        none.visibleProperty().bind(Bindings.and(Bindings.isEmpty(findings), model.selectedProperty().isNotNull()));
        none.managedProperty().bind(none.visibleProperty());
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(i18n.text(model.errorProperty()));
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        javafx.scene.control.CheckBox fromImage = new javafx.scene.control.CheckBox();
        fromImage.setId("vm-from-existing");
        fromImage.textProperty().bind(i18n.text("wizard.vm.existing.toggle"));
        fromImage.selectedProperty().bindBidirectional(model.fromExistingImageProperty());
        javafx.scene.control.ComboBox<io.poolforge.domain.GalleryImageVersionInfo> images =
                new javafx.scene.control.ComboBox<>(model.existingImages());
        images.setId("vm-existing-image");
        images.setPrefWidth(440);
        fromImage.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        images.promptTextProperty().bind(i18n.text("wizard.vm.existing.prompt"));
        images.valueProperty().bindBidirectional(model.existingImageProperty());
        javafx.util.Callback<javafx.scene.control.ListView<io.poolforge.domain.GalleryImageVersionInfo>,
                javafx.scene.control.ListCell<io.poolforge.domain.GalleryImageVersionInfo>> cells = lv -> new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(io.poolforge.domain.GalleryImageVersionInfo v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.image().galleryName() + " / " + v.image().name() + " / " + v.version()
                        + "  (" + i18n.name(v.image().osType()) + ", " + i18n.name(v.image().hyperVGeneration()) + ")");
            }
        };
        images.setCellFactory(cells);
        images.setButtonCell(cells.call(null));
        images.visibleProperty().bind(fromImage.selectedProperty());
        images.managedProperty().bind(images.visibleProperty());
        HBox existingRow = new HBox(10, fromImage, images);
        existingRow.setAlignment(Pos.CENTER_LEFT);
        table.disableProperty().bind(fromImage.selectedProperty());
        search.disableProperty().bind(fromImage.selectedProperty());

        VBox root = new VBox(10, title(i18n, "wizard.step.vm"), paragraph(i18n, "wizard.vm.about"), existingRow, top, table, error,
                label(i18n, "wizard.vm.findings"), none, list);
        root.setId("step-view-vm");
        return root;
    }

}
