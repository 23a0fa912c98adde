package io.poolforge.ui.wizard.snapshot;

import static io.poolforge.ui.wizard.StepViews.label;
import static io.poolforge.ui.wizard.StepViews.fieldName;
import static io.poolforge.ui.wizard.StepViews.paragraph;
import static io.poolforge.ui.wizard.StepViews.title;

import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.ViolationList;
import io.poolforge.ui.wizard.StepView;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 3 on screen: one line per disk (include, disk, LUN, size, snapshot name), resource group, tags. */
public final class SnapshotStepView extends StepView<SnapshotViewModel> {
    /** The narrowest a disk's name gets (a 1024-pixel window, SmallScreenWidthTest); past it, it scrolls. */
    static final double DISK_NAME_MIN_WIDTH = 300;

    private final GridPane grid = new GridPane();

    public SnapshotStepView(SnapshotViewModel model, I18n i18n) {
        super("snapshot", "wizard.step.snapshot", model, i18n, model.invalidProperty());
    }

    @Override public javafx.beans.value.ObservableValue<String> blockedKey() {
        return new javafx.beans.property.ReadOnlyStringWrapper("wizard.blocked.snapshot");
    }

    @Override
    public void onEnter() {
        model.enter();
        fill();
    }

    @Override
    protected Node build() {
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setId("snapshot-grid");
        TextField group = new TextField();
        group.setId("snapshot-group");
        group.textProperty().bindBidirectional(model.resourceGroupProperty());
        TextField tags = new TextField();
        tags.setId("snapshot-tags");
        tags.textProperty().bindBidirectional(model.tagsProperty());
        GridPane more = new GridPane();
        more.setHgap(12);
        more.setVgap(8);
        more.addRow(0, label(i18n, "wizard.snapshot.group"), group);
        more.addRow(1, label(i18n, "wizard.snapshot.tags"), tags);
        GridPane.setHgrow(tags, Priority.ALWAYS);
        GridPane.setHgrow(group, Priority.ALWAYS);
        VBox root = new VBox(12, title(i18n, "wizard.step.snapshot"), paragraph(i18n, "wizard.snapshot.about"), grid, more,
                paragraph(i18n, "wizard.snapshot.full", "text-muted"), new ViolationList(i18n, model.violations()));
        root.setId("step-view-snapshot");
        fill();
        return root;
    }

    private void fill() {
        grid.getChildren().clear();
        grid.addRow(0, new Label(), fieldName(i18n, "wizard.snapshot.col.disk", "text-bold"), fieldName(i18n, "wizard.snapshot.col.lun", "text-bold"),
                fieldName(i18n, "wizard.snapshot.col.size", "text-bold"), fieldName(i18n, "wizard.snapshot.col.name", "text-bold"));
        int r = 1;
        for (SnapshotRow row : model.rows()) {
            CheckBox include = new CheckBox();
            include.selectedProperty().bindBidirectional(row.includeProperty());
            include.setDisable(row.isOsDisk());
            include.setId("snapshot-include-" + (r - 1));
            Label disk = new Label(row.disk().name());
            // Azure's OS disk names end in a 32-digit id (~500 px): on a 1024-pixel window the name gives way in its
            // middle ("vm-render-datadisks_OsDisk_1_0e62…c525") rather than the form scrolling sideways; the whole name
            // and id are in its tooltip. Where there is room (1280 px) it shows whole (ScreensReadableTest).
            disk.setMinWidth(DISK_NAME_MIN_WIDTH);
            disk.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            disk.setTooltip(new javafx.scene.control.Tooltip(row.disk().id() != null ? row.disk().id() : row.disk().name()));
            Label lun = row.isOsDisk() ? label(i18n, "wizard.snapshot.osDisk") : new Label(String.valueOf(row.disk().lun()));
            Label size = new Label();
            size.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> i18n.get("wizard.snapshot.sizeGb",
                    io.poolforge.i18n.Formats.Size.ofGiB(row.disk().sizeGb())), i18n.messagesProperty()));
            size.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            TextField name = new TextField();
            name.setId("snapshot-name-" + (r - 1));
            // Narrow by preference, wide by growth (Hgrow): where the window is short of room the disk's name gives way
            // last, and the name field never takes it from the disk's name where there is room.
            name.setPrefColumnCount(10);
            name.setMinWidth(120);
            GridPane.setHgrow(name, Priority.ALWAYS);
            name.textProperty().bindBidirectional(row.nameProperty());
            name.disableProperty().bind(row.includeProperty().not());
            grid.addRow(r++, include, disk, lun, size, name);
            GridPane.setValignment(include, javafx.geometry.VPos.CENTER);
        }
        grid.setAlignment(Pos.TOP_LEFT);
    }
}
