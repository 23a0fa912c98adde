package io.poolforge.ui.wizard.pool;

import static io.poolforge.ui.wizard.StepViews.column;
import static io.poolforge.ui.wizard.StepViews.fieldName;
import static io.poolforge.ui.wizard.StepViews.label;
import static io.poolforge.ui.wizard.StepViews.title;

import io.poolforge.domain.VmSkuInfo;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.ViolationList;
import io.poolforge.ui.wizard.StepView;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Step 5 on screen, with ControlsFX decorations on the fields that break a rule. */
public final class PoolStepView extends StepView<PoolViewModel> {

    public PoolStepView(PoolViewModel model, I18n i18n) {
        super("pool", "wizard.step.pool", model, i18n, model.invalidProperty());
    }

    @Override public javafx.beans.value.ObservableValue<String> blockedKey() {
        return model.blockedKeyProperty();
    }

    @Override public void onEnter() { model.enter(); }

    @Override
    protected Node build() {
        // PF-15: the image type as the portal offers it. Managed images are listed, not selectable (retired 31 March 2026).
        javafx.scene.control.ToggleGroup types = new javafx.scene.control.ToggleGroup();
        javafx.scene.layout.HBox typeRow = new javafx.scene.layout.HBox(16);
        for (PoolImageType t : PoolImageType.values()) {
            javafx.scene.control.RadioButton r = new javafx.scene.control.RadioButton();
            r.setId("pool-type-" + t.name().toLowerCase(java.util.Locale.ROOT));
            r.textProperty().bind(i18n.text(t.key()));
            r.setUserData(t);
            r.setToggleGroup(types);
            r.setDisable(!t.selectable());
            if (t == PoolImageType.GALLERY) {
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
                tip.textProperty().bind(i18n.text("wizard.pool.imageType.custom"));
                r.setTooltip(tip);
            }
            if (t == model.imageTypeProperty().get()) r.setSelected(true);
            typeRow.getChildren().add(r);
        }
        types.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) model.imageTypeProperty().set((PoolImageType) b.getUserData());
        });
        model.imageTypeProperty().addListener((o, a, b) -> types.getToggles().stream()
                .filter(t -> t.getUserData() == b).findFirst().ifPresent(t -> t.setSelected(true)));
        Label managedNotice = wrapped("pool-managed-notice", 720);
        managedNotice.getStyleClass().add("warning-text");
        managedNotice.textProperty().bind(i18n.text("wizard.pool.imageType.managedRetired"));

        Label image = new Label();
        image.setId("pool-image");
        javafx.beans.Observable[] imageDeps = {model.session().imageProperty(), model.imageTypeProperty(),
                model.latestVersionProperty(), model.chosenImageProperty(), model.versionProperty()};
        image.textProperty().bind(Bindings.createStringBinding(model::imageShown, imageDeps));
        // A full resource id is long: it wraps at its slashes rather than being cut off.
        image.setWrapText(true);
        image.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        // Gallery: the version this run builds, or (existing image) a fixed version or the definition's latest.
        Label built = wrapped("pool-gallery-built", 720);
        built.getStyleClass().add("text-muted");
        built.textProperty().bind(Bindings.createStringBinding(() -> {
            var img = model.session().imageProperty().get();
            return img == null || model.session().fromExistingImage() ? "" : i18n.get("wizard.pool.gallery.built", img.version());
        }, model.session().imageProperty(), model.session().fromExistingImageProperty(), i18n.messagesProperty()));
        javafx.scene.control.CheckBox latest = new javafx.scene.control.CheckBox();
        latest.setId("pool-gallery-latest");
        latest.setWrapText(true);
        latest.setMaxWidth(720);
        latest.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        latest.textProperty().bind(Bindings.createStringBinding(() -> {
            var img = model.session().imageProperty().get();
            return i18n.get("wizard.pool.gallery.latest", img == null ? "" : img.imageDefinitionName(), img == null ? "" : img.version());
        }, model.session().imageProperty(), i18n.messagesProperty()));
        latest.selectedProperty().bindBidirectional(model.latestVersionProperty());
        latest.visibleProperty().bind(model.session().fromExistingImageProperty()
                .and(model.imageTypeProperty().isEqualTo(PoolImageType.GALLERY)));
        latest.managedProperty().bind(latest.visibleProperty());
        built.visibleProperty().bind(model.session().fromExistingImageProperty().not()
                .and(model.imageTypeProperty().isEqualTo(PoolImageType.GALLERY)));
        built.managedProperty().bind(built.visibleProperty());

        // Publisher → offer → SKU (→ version for Marketplace), from Batch's supported images for the account.
        ComboBox<String> publisher = combo("pool-publisher", model.publishers(), model.publisherProperty(), 230);
        ComboBox<String> offer = combo("pool-offer", model.offers(), model.offerProperty(), 280);
        ComboBox<String> sku = combo("pool-sku", model.skus(), model.skuProperty(), 230);
        ComboBox<String> version = combo("pool-version", model.versions(), model.versionProperty(), 130);
        version.visibleProperty().bind(model.imageTypeProperty().isEqualTo(PoolImageType.MARKETPLACE));
        version.managedProperty().bind(version.visibleProperty());
        // Two rows, so long offer names fit in every language (publisher, offer / SKU, version).
        VBox cascade = new VBox(6, new javafx.scene.layout.HBox(8, publisher, offer), new javafx.scene.layout.HBox(8, sku, version));
        Label cascadeTitle = wrapped("pool-cascade-title", 720);
        cascadeTitle.textProperty().bind(Bindings.createStringBinding(() -> model.imageTypeProperty().get() == PoolImageType.MARKETPLACE
                ? i18n.get("wizard.pool.market.title") : i18n.get("wizard.pool.base.title"),
                model.imageTypeProperty(), i18n.messagesProperty()));
        Label facts = wrapped("pool-image-facts", 720);
        facts.getStyleClass().add("text-muted");
        // PF-16 second pass: the generation is the one Azure reports for the image ("not read yet", "unknown" otherwise).
        facts.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(model.imageFacts()),
                model.chosenImageProperty(), model.generationReadsProperty(), i18n.messagesProperty()));
        Label baseNote = wrapped("pool-base-note", 720);
        baseNote.textProperty().bind(Bindings.createStringBinding(() -> model.baseNoteProperty().get() == null ? ""
                : i18n.get(model.baseNoteProperty().get().key(), model.baseNoteProperty().get().argsArray()),
                model.baseNoteProperty(), i18n.messagesProperty()));
        baseNote.visibleProperty().bind(model.imageTypeProperty().isEqualTo(PoolImageType.GALLERY));
        baseNote.managedProperty().bind(baseNote.visibleProperty());
        VBox cascadeBox = new VBox(4, cascadeTitle, cascade, facts, baseNote);
        ComboBox<String> agent = new ComboBox<>(model.nodeAgentSkus());
        agent.setId("pool-node-agent");
        agent.valueProperty().bindBidirectional(model.nodeAgentSkuProperty());
        Label why = new Label();
        why.setId("pool-node-agent-why");
        why.setWrapText(true);
        why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        why.setMaxWidth(720);
        why.getStyleClass().add("text-muted");
        why.textProperty().bind(Bindings.createStringBinding(() -> model.proposalProperty().get() == null ? ""
                : i18n.get(model.proposalProperty().get().key(), model.proposalProperty().get().argsArray()),
                model.proposalProperty(), i18n.messagesProperty()));

        TextField filter = new TextField();
        filter.setId("pool-size-filter");
        filter.promptTextProperty().bind(i18n.text("wizard.pool.size.filter"));
        filter.textProperty().bindBidirectional(model.sizeFilterProperty());
        TableView<VmSkuInfo> sizes = new TableView<>(model.sizes());
        sizes.setId("pool-sizes");
        sizes.setPrefHeight(170);
        sizes.setMinHeight(170); // in the scrolling step the list kept only its header (PF-16 screenshots)
        sizes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS); // every column gives back room, down to its minimum
        column(sizes, i18n, "wizard.pool.size.name", VmSkuInfo::name, 170);
        column(sizes, i18n, "wizard.pool.size.vcpus", VmSkuInfo::vCpus, 60);
        column(sizes, i18n, "wizard.pool.size.memory", s -> i18n.formats().size(
                io.poolforge.i18n.Formats.Size.ofMiB(Math.round(s.memoryGb() * 1024))), 90);
        column(sizes, i18n, "wizard.pool.size.family", VmSkuInfo::family, 200);
        // PF-16: the size's Trusted Launch capability as Azure reports it (HyperVGenerations, TrustedLaunchDisabled).
        column(sizes, i18n, "wizard.pool.size.trustedLaunch", s -> i18n.get(PoolViewModel.trustedLaunchKey(s)), 130);
        column(sizes, i18n, "wizard.pool.size.headroom", s -> {
            Integer h = model.familyHeadroom(s);
            return h == null ? "\u2014" : i18n.formats().count(h);
        }, 120);
        io.poolforge.ui.Tables.fitToContent(sizes, i18n);
        io.poolforge.ui.Tables.keepRows(sizes, 6);
        sizes.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) model.vmSizeProperty().set(b);
        });
        model.vmSizeProperty().addListener((o, a, b) -> {
            if (b != null && sizes.getSelectionModel().getSelectedItem() != b) sizes.getSelectionModel().select(b);
        });

        // PF-20 (second pass): the arrows stay in range; a typed value is kept as typed and, out of range, said under the field.
        Spinner<Integer> dedicated = spinner("pool-dedicated", 0, PoolViewModel.MAX_NODES, model.dedicatedProperty());
        Spinner<Integer> low = spinner("pool-low-priority", 0, PoolViewModel.MAX_NODES, model.lowPriorityProperty());
        Spinner<Integer> timeout = spinner("pool-timeout", PoolViewModel.MIN_TIMEOUT_MINUTES, PoolViewModel.MAX_TIMEOUT_MINUTES,
                model.timeoutMinutesProperty());
        TextField id = new TextField();
        id.setId("pool-id");
        id.textProperty().bindBidirectional(model.poolIdProperty());

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        g.addRow(0, fieldName(i18n, "wizard.pool.imageType"), typeRow);
        g.add(managedNotice, 1, 1);
        g.addRow(2, fieldName(i18n, "wizard.pool.image"), image);
        VBox galleryChoice = new VBox(4, built, latest);
        g.add(galleryChoice, 1, 3);
        g.add(cascadeBox, 1, 4);
        g.addRow(5, fieldName(i18n, "wizard.pool.nodeAgent"), agent);
        g.add(why, 1, 6);
        g.addRow(7, fieldName(i18n, "wizard.pool.dedicated"), withRange(dedicated, "pool-dedicated-range", model.dedicatedRangeProperty()));
        g.addRow(8, fieldName(i18n, "wizard.pool.lowPriority"), withRange(low, "pool-low-priority-range", model.lowPriorityRangeProperty()));
        g.addRow(9, fieldName(i18n, "wizard.pool.timeout"), withRange(timeout, "pool-timeout-range", model.timeoutRangeProperty()));
        g.addRow(10, fieldName(i18n, "wizard.pool.id"), id);
        // The labels of the fields with a range message stay beside their field, not beside the message under it.
        for (Node n : g.getChildren()) {
            Integer row = GridPane.getRowIndex(n);
            Integer col = GridPane.getColumnIndex(n);
            if (row != null && row >= 7 && row <= 9 && (col == null || col == 0) && n instanceof Label l) {
                GridPane.setValignment(l, javafx.geometry.VPos.TOP);
                l.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
            }
        }

        // Inline decorations: the field a rule names gets the mark; the list below says why.
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(id, false, (c, v) -> ValidationResult.fromMessageIf(c,
                i18n.get("wizard.pool.id.invalid"), Severity.ERROR, has("POOL_ID", true)));
        validation.registerValidator(agent, false, (c, v) -> ValidationResult.fromMessageIf(c,
                i18n.get("wizard.pool.nodeAgent.invalid"), Severity.ERROR, has("NODE_AGENT", true) || v == null));
        validation.registerValidator(dedicated, false, (c, v) -> ValidationResult.fromMessageIf(c,
                i18n.get("wizard.pool.counts.invalid"), Severity.ERROR, has("NODES", true) || has("LIMIT", true) || has("QUOTA", true)));
        validation.registerValidator(timeout, false, (c, v) -> ValidationResult.fromMessageIf(c,
                i18n.get("wizard.pool.timeout.advice"), Severity.WARNING, has("TIMEOUT", false)));
        model.violations().addListener((javafx.collections.ListChangeListener<io.poolforge.domain.rules.Violation>) ch -> validation.revalidate());

        Label security = wrapped("pool-security-profile", 720);
        security.textProperty().bind(Bindings.createStringBinding(() -> model.securityNoteProperty().get() == null ? ""
                : i18n.get(model.securityNoteProperty().get().key(), model.securityNoteProperty().get().argsArray()),
                model.securityNoteProperty(), i18n.messagesProperty()));
        security.visibleProperty().bind(model.securityNoteProperty().isNotNull());
        security.managedProperty().bind(security.visibleProperty());
        VBox root = new VBox(10, title(i18n, "wizard.step.pool"), g, security, new ViolationList(i18n, model.violations()));
        root.setId("step-view-pool");
        // PF-21: the size list (a table of ~12 visible rows of six cells) is styled and laid out in the pulse after the
        // form's: the step's first pulse was ~55 ms of FX-thread work with both (docs/BENCHMARKS.md).
        io.poolforge.ui.Pulses.inPulses(root, () -> root.getChildren().addAll(label(i18n, "wizard.pool.size"), filter, sizes));
        return root;
    }

    /** Whether a finding whose code contains {@code part} stands (errors only, unless warnings count). */
    private boolean has(String part, boolean errorsOnly) {
        return model.violations().stream().anyMatch(v -> v.code().name().contains(part) && (!errorsOnly || v.blocks()));
    }

    private static Label wrapped(String id, double maxWidth) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(maxWidth);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static ComboBox<String> combo(String id, javafx.collections.ObservableList<String> items,
                                          javafx.beans.property.StringProperty value, double width) {
        ComboBox<String> c = new ComboBox<>(items);
        c.setId(id);
        c.setPrefWidth(width);
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        c.valueProperty().bindBidirectional(value);
        return c;
    }

    /** The field and, under it, what is wrong with its value (see {@link io.poolforge.ui.wizard.CountSpinner#withRange}). */
    private VBox withRange(Spinner<Integer> field, String id, javafx.beans.property.ObjectProperty<io.poolforge.domain.LocalizedText> range) {
        return io.poolforge.ui.wizard.CountSpinner.withRange(i18n, field, id, range);
    }

    /** An editable count that keeps what is typed (PF-20, second pass): see {@link io.poolforge.ui.wizard.CountSpinner}. */
    static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty p) {
        return io.poolforge.ui.wizard.CountSpinner.of(id, min, max, p);
    }
}
