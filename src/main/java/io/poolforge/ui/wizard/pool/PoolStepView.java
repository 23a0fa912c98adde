package io.poolforge.ui.wizard.pool;

import static io.poolforge.ui.wizard.StepViews.column;
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

    @Override public void onEnter() { model.enter(); }

    @Override
    protected Node build() {
        Label imageType = label(i18n, "wizard.pool.imageType.custom");
        Label image = new Label();
        image.setId("pool-image");
        image.textProperty().bind(Bindings.createStringBinding(() -> model.session().imageProperty().get() == null ? ""
                : model.session().imageProperty().get().imageId(), model.session().imageProperty()));
        // A full resource id is long: it wraps at its slashes rather than being cut off.
        image.setWrapText(true);
        image.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ComboBox<String> agent = new ComboBox<>(model.nodeAgentSkus());
        agent.setId("pool-node-agent");
        agent.valueProperty().bindBidirectional(model.nodeAgentSkuProperty());
        Label why = new Label();
        why.setWrapText(true);
        why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        why.setMaxWidth(560);
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
        sizes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(sizes, i18n, "wizard.pool.size.name", VmSkuInfo::name, 170);
        column(sizes, i18n, "wizard.pool.size.vcpus", VmSkuInfo::vCpus, 60);
        column(sizes, i18n, "wizard.pool.size.memory", s -> i18n.formats().size(
                io.poolforge.i18n.Formats.Size.ofMiB(Math.round(s.memoryGb() * 1024))), 90);
        column(sizes, i18n, "wizard.pool.size.family", VmSkuInfo::family, 200);
        column(sizes, i18n, "wizard.pool.size.headroom", s -> {
            Integer h = model.familyHeadroom(s);
            return h == null ? "\u2014" : i18n.formats().count(h);
        }, 120);
        io.poolforge.ui.Tables.fitToContent(sizes, i18n);
        sizes.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) model.vmSizeProperty().set(b);
        });
        model.vmSizeProperty().addListener((o, a, b) -> {
            if (b != null && sizes.getSelectionModel().getSelectedItem() != b) sizes.getSelectionModel().select(b);
        });

        Spinner<Integer> dedicated = spinner("pool-dedicated", 0, 10_000, model.dedicatedProperty());
        Spinner<Integer> low = spinner("pool-low-priority", 0, 10_000, model.lowPriorityProperty());
        Spinner<Integer> timeout = spinner("pool-timeout", 5, 24 * 60, model.timeoutMinutesProperty());
        TextField id = new TextField();
        id.setId("pool-id");
        id.textProperty().bindBidirectional(model.poolIdProperty());

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        g.addRow(0, label(i18n, "wizard.pool.imageType"), imageType);
        g.addRow(1, label(i18n, "wizard.pool.image"), image);
        g.addRow(2, label(i18n, "wizard.pool.nodeAgent"), agent);
        g.add(why, 1, 3);
        g.addRow(4, label(i18n, "wizard.pool.dedicated"), dedicated);
        g.addRow(5, label(i18n, "wizard.pool.lowPriority"), low);
        g.addRow(6, label(i18n, "wizard.pool.timeout"), timeout);
        g.addRow(7, label(i18n, "wizard.pool.id"), id);

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

        VBox root = new VBox(10, title(i18n, "wizard.step.pool"), g, new ViolationList(i18n, model.violations()),
                label(i18n, "wizard.pool.size"), filter, sizes);
        root.setId("step-view-pool");
        return root;
    }

    /** Whether a finding whose code contains {@code part} stands (errors only, unless warnings count). */
    private boolean has(String part, boolean errorsOnly) {
        return model.violations().stream().anyMatch(v -> v.code().name().contains(part) && (!errorsOnly || v.blocks()));
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty p) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get());
        s.setId(id);
        s.setEditable(true);
        s.valueProperty().addListener((o, a, b) -> {
            if (b != null) p.set(b);
        });
        p.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }
}
