package io.poolforge.ui.wizard.vm;

import static io.poolforge.ui.wizard.StepViews.column;
import static io.poolforge.ui.wizard.StepViews.label;
import static io.poolforge.ui.wizard.StepViews.paragraph;
import static io.poolforge.ui.wizard.StepViews.title;

import io.poolforge.domain.rules.Severity;
import io.poolforge.domain.rules.Violation;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.StepView;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 2 on screen: search box, the VM table with an eligibility badge, and the selected VM's findings. */
public final class VmStepView extends StepView<VmViewModel> {

    public VmStepView(VmViewModel model, I18n i18n) {
        super("vm", "wizard.step.vm", model, i18n, model.invalidProperty());
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
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.loadingProperty());
        Label count = new Label();
        count.setId("vm-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("wizard.vm.count", model.rows().size(), model.total()),
                i18n.messagesProperty(), model.rows(), model.pagesLoadedProperty()));
        HBox top = new HBox(8, search, spinner, count);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<VmRow> table = new TableView<>(model.rows());
        table.setId("vm-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<VmRow, VmRow.Eligibility> badge = column(table, i18n, "wizard.vm.col.eligible", VmRow::eligibility, 150);
        badge.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(VmRow.Eligibility e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setGraphic(null);
                    return;
                }
                Label l = new Label(i18n.get(switch (e) {
                    case ELIGIBLE -> "wizard.vm.badge.eligible";
                    case WARNINGS -> "wizard.vm.badge.warnings";
                    case BLOCKED -> "wizard.vm.badge.blocked";
                }));
                l.getStyleClass().addAll("badge", e == VmRow.Eligibility.ELIGIBLE ? "ok" : e == VmRow.Eligibility.WARNINGS ? "warn" : "blocked");
                setGraphic(l);
            }
        });
        column(table, i18n, "wizard.vm.col.name", r -> r.vm().name(), 150);
        column(table, i18n, "wizard.vm.col.group", r -> r.vm().resourceGroup(), 100);
        column(table, i18n, "wizard.vm.col.region", r -> r.vm().location(), 90);
        column(table, i18n, "wizard.vm.col.os", r -> r.vm().osType() == null ? "" : r.vm().osType().name().charAt(0) + r.vm().osType().name().substring(1).toLowerCase(), 70);
        column(table, i18n, "wizard.vm.col.size", r -> r.vm().vmSize(), 120);
        column(table, i18n, "wizard.vm.col.disks", VmRow::diskCount, 50);
        column(table, i18n, "wizard.vm.col.image", VmRow::sourceImage, 150);
        column(table, i18n, "wizard.vm.col.power", r -> i18n.get(powerKey(r.vm().powerState())), 90);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != model.selectedProperty().get()) model.selectedProperty().set(b);
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) table.getSelectionModel().select(b);
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        ObservableList<Violation> findings = FXCollections.observableArrayList();
        model.selectedProperty().addListener((o, a, b) -> findings.setAll(b == null ? java.util.List.of() : b.violations()));
        ListView<Violation> list = new ListView<>(findings);
        list.setId("vm-findings");
        list.setPrefHeight(150);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(Violation v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("danger", "warning-text");
                if (empty || v == null) {
                    setText(null);
                    return;
                }
                setWrapText(true);
                setPrefWidth(0);
                String sev = i18n.get(v.severity() == Severity.ERROR ? "wizard.vm.severity.error"
                        : v.severity() == Severity.WARNING ? "wizard.vm.severity.warning" : "wizard.vm.severity.info");
                setText(sev + "  " + i18n.get(v.messageKey(), v.argsArray()) + "  [" + v.code().name() + "]");
                if (v.severity() == Severity.ERROR) getStyleClass().add("danger");
                else if (v.severity() == Severity.WARNING) getStyleClass().add("warning-text");
            }
        });
        // Cells render their text when they update: a language switch must make them update.
        i18n.messagesProperty().addListener((o, a, b) -> {
            table.refresh();
            list.refresh();
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
                        + "  (" + (v.image().osType() == null ? "" : v.image().osType().name().toLowerCase()) + ", "
                        + (v.image().hyperVGeneration() == null ? "" : v.image().hyperVGeneration().name()) + ")");
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

    private static String powerKey(io.poolforge.domain.PowerState state) {
        return switch (state) {
            case RUNNING -> "wizard.vm.power.running";
            case DEALLOCATED -> "wizard.vm.power.deallocated";
            case STOPPED -> "wizard.vm.power.stopped";
            case STARTING -> "wizard.vm.power.starting";
            case STOPPING -> "wizard.vm.power.stopping";
            case DEALLOCATING -> "wizard.vm.power.deallocating";
            default -> "wizard.vm.power.unknown";
        };
    }
}
