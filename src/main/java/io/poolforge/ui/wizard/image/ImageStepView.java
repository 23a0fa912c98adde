package io.poolforge.ui.wizard.image;

import static io.poolforge.ui.wizard.StepViews.label;
import static io.poolforge.ui.wizard.StepViews.fieldName;
import static io.poolforge.ui.wizard.StepViews.paragraph;
import static io.poolforge.ui.wizard.StepViews.title;

import io.poolforge.domain.ImageTarget;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.ViolationList;
import io.poolforge.ui.wizard.StepView;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Step 4 on screen: gallery image version (recommended) or managed image, names, regions, replicas. */
public final class ImageStepView extends StepView<ImageViewModel> {

    public ImageStepView(ImageViewModel model, I18n i18n) {
        super("image", "wizard.step.image", model, i18n, model.invalidProperty());
    }

    @Override public javafx.beans.value.ObservableValue<String> blockedKey() { return model.blockedKey(); }

    @Override public void onEnter() { model.enter(); }

    @Override
    protected Node build() {
        ToggleGroup kind = new ToggleGroup();
        RadioButton gallery = new RadioButton();
        gallery.setId("image-gallery");
        gallery.textProperty().bind(i18n.text("wizard.image.gallery"));
        gallery.setToggleGroup(kind);
        RadioButton managed = new RadioButton();
        managed.setId("image-managed");
        managed.textProperty().bind(i18n.text("wizard.image.managed"));
        managed.setToggleGroup(kind);
        kind.selectToggle(model.targetProperty().get() == ImageTarget.MANAGED ? managed : gallery);
        kind.selectedToggleProperty().addListener((o, a, b) -> model.targetProperty().set(b == managed ? ImageTarget.MANAGED : ImageTarget.GALLERY));

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        g.addRow(0, fieldName(i18n, "wizard.image.galleryName"), field("image-gallery-name", model.galleryProperty()));
        g.addRow(1, fieldName(i18n, "wizard.image.definition"), field("image-definition", model.definitionProperty()));
        g.addRow(2, fieldName(i18n, "wizard.image.version"), field("image-version", model.versionProperty()));
        // PF-15: the definition's identifier (publisher/offer/SKU) and OS state, checked against Azure's naming rules
        // and the definitions the gallery already has.
        javafx.scene.control.ComboBox<io.poolforge.domain.OsState> osState =
                new javafx.scene.control.ComboBox<>(javafx.collections.FXCollections.observableArrayList(io.poolforge.domain.OsState.values()));
        osState.setId("image-os-state");
        osState.valueProperty().bindBidirectional(model.osStateProperty());
        javafx.util.Callback<javafx.scene.control.ListView<io.poolforge.domain.OsState>, javafx.scene.control.ListCell<io.poolforge.domain.OsState>> states =
                lv -> new javafx.scene.control.ListCell<>() {
                    @Override protected void updateItem(io.poolforge.domain.OsState v, boolean empty) {
                        super.updateItem(v, empty);
                        setText(empty || v == null ? null : i18n.name(v));
                    }
                };
        osState.setCellFactory(states);
        osState.setButtonCell(states.call(null));
        i18n.messagesProperty().addListener((o, a, b) -> {
            var v = osState.getValue();
            osState.setButtonCell(states.call(null));
            osState.setValue(null);
            osState.setValue(v);
        });
        Label existing = new Label();
        existing.setId("image-existing-definitions");
        existing.getStyleClass().add("text-muted");
        existing.setWrapText(true);
        existing.setMaxWidth(640);
        existing.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        existing.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!model.definitionsKnownProperty().get()) return i18n.get("wizard.image.definitions.unknown", model.galleryProperty().get());
            if (model.existingDefinitions().isEmpty()) return i18n.get("wizard.image.definitions.none", model.galleryProperty().get());
            return i18n.get("wizard.image.definitions.some", model.galleryProperty().get(), String.join(", ",
                    model.existingDefinitions().stream().map(d -> d.name() + " (" + d.publisher() + "/" + d.offer() + "/" + d.sku() + ")").toList()));
        }, model.definitionsKnownProperty(), model.existingDefinitions(), model.galleryProperty(), i18n.messagesProperty()));
        GridPane ident = new GridPane();
        ident.setHgap(12);
        ident.setVgap(8);
        ident.addRow(0, fieldName(i18n, "wizard.image.publisher"), field("image-def-publisher", model.definitionPublisherProperty()));
        ident.addRow(1, fieldName(i18n, "wizard.image.offer"), field("image-def-offer", model.definitionOfferProperty()));
        ident.addRow(2, fieldName(i18n, "wizard.image.sku"), field("image-def-sku", model.definitionSkuProperty()));
        ident.addRow(3, fieldName(i18n, "wizard.image.osState"), osState);
        g.add(new javafx.scene.layout.VBox(6, paragraph(i18n, "wizard.image.identifier", "text-bold"), ident, existing), 1, 5);
        // PF-20 (second pass): typed counts are kept as typed; out of range the field says the range and why.
        Spinner<Integer> nodes = io.poolforge.ui.wizard.CountSpinner.of("image-planned-nodes", 0, ImageViewModel.MAX_PLANNED_NODES,
                model.plannedNodesProperty());
        Spinner<Integer> replicas = io.poolforge.ui.wizard.CountSpinner.of("image-replicas", 1, ImageViewModel.MAX_REPLICAS,
                model.replicasProperty());
        g.addRow(3, fieldName(i18n, "wizard.image.plannedNodes"), io.poolforge.ui.wizard.CountSpinner.withRange(i18n, nodes, "image-planned-nodes-range", model.plannedNodesRangeProperty()));
        Label region = fieldName(new Label()); // its text names the account's region, so it is bound below, not to a key
        region.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("wizard.image.replicas", model.accountRegion()),
                i18n.messagesProperty(), model.replicasProperty()));
        g.addRow(4, region, io.poolforge.ui.wizard.CountSpinner.withRange(i18n, replicas, "image-replicas-range", model.replicasRangeProperty()));
        VBox galleryBox = new VBox(8, g, paragraph(i18n, "wizard.image.replicaRule", "text-muted"));
        galleryBox.visibleProperty().bind(gallery.selectedProperty());
        galleryBox.managedProperty().bind(galleryBox.visibleProperty());

        GridPane m = new GridPane();
        m.setHgap(12);
        m.addRow(0, fieldName(i18n, "wizard.image.managedName"), field("image-managed-name", model.managedNameProperty()));
        Label notice = paragraph(i18n, "wizard.image.retired", "warning-text");
        notice.setId("image-retired-notice");
        VBox managedBox = new VBox(8, notice, m);
        managedBox.visibleProperty().bind(managed.selectedProperty());
        managedBox.managedProperty().bind(managedBox.visibleProperty());

        // Once for the image, not as a note on every VM: what PoolForge cannot read from Azure.
        javafx.scene.control.CheckBox tempDrive = check("image-check-temp-drive", "wizard.image.check.tempDrive",
                model.tempDriveConfirmedProperty(), model.tempDriveCheckNeeded());
        javafx.scene.control.CheckBox dataDisks = check("image-check-data-disks", "wizard.image.check.dataDisks",
                model.dataDisksConfirmedProperty(), model.dataDisksCheckNeeded());
        // PF-18: was the VM generalized in the guest? Azure says so when the VM was marked generalized; otherwise ask.
        javafx.scene.control.CheckBox generalized = check("image-check-generalized", "wizard.image.generalized",
                model.generalizedConfirmedProperty(), model.generalizedCheckNeeded());
        Label generalizedNote = new Label();
        generalizedNote.setId("image-generalized-note");
        generalizedNote.getStyleClass().add("text-muted");
        generalizedNote.setWrapText(true);
        generalizedNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // PF-20: wrapped, never cut to "…"
        generalizedNote.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(model.generalizedKnown().get()
                ? "wizard.image.generalized.known" : "wizard.image.generalized.ask", model.vmName()),
                i18n.messagesProperty(), model.generalizedKnown(), model.generalizedCheckNeeded()));
        Label checklistTitle = label(i18n, "wizard.image.check.title", "text-bold");
        VBox checklist = new VBox(6, checklistTitle, generalized, generalizedNote, tempDrive, dataDisks);
        checklist.setId("image-checklist");
        checklist.getStyleClass().add("image-checklist");
        checklist.visibleProperty().bind(Bindings.or(Bindings.or(model.tempDriveCheckNeeded(), model.dataDisksCheckNeeded()),
                Bindings.or(model.generalizedCheckNeeded(), model.generalizedKnown())));
        checklist.managedProperty().bind(checklist.visibleProperty());

        VBox root = new VBox(12, title(i18n, "wizard.step.image"), paragraph(i18n, "wizard.image.about"), gallery, galleryBox, managed, managedBox,
                checklist, new ViolationList(i18n, model.violations()));
        root.setId("step-view-image");
        return root;
    }

    private javafx.scene.control.CheckBox check(String id, String key, javafx.beans.property.BooleanProperty confirmed,
                                                javafx.beans.value.ObservableBooleanValue needed) {
        javafx.scene.control.CheckBox c = new javafx.scene.control.CheckBox();
        c.setId(id);
        c.getStyleClass().add("image-check");
        c.textProperty().bind(i18n.text(key));
        c.setWrapText(true);
        c.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        c.selectedProperty().bindBidirectional(confirmed);
        c.visibleProperty().bind(needed);
        c.managedProperty().bind(c.visibleProperty());
        return c;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(28);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
