package io.poolforge.ui.wizard.create;

import static io.poolforge.ui.wizard.StepViews.label;
import static io.poolforge.ui.wizard.StepViews.paragraph;
import static io.poolforge.ui.wizard.StepViews.title;

import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.StepView;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Step 7 on screen: start, one row per resource with its state, cancel, what is left, then the pool watch. */
public final class CreateStepView extends StepView<CreateViewModel> {
    private final java.util.function.Supplier<Node> watch;
    private Runnable another = () -> { };
    private java.util.function.Consumer<String> inspect = id -> { };

    /** @param watch the pool watch view shown once the pool exists (PF-6); asked for when the step is first shown */
    public CreateStepView(CreateViewModel model, I18n i18n, java.util.function.Supplier<Node> watch) {
        super("create", "wizard.step.create", model, i18n);
        this.watch = watch;
    }

    /**
     * What the end of a run offers (PF-20): "Create another pool" (a new flow, same sign-in) and "Open in the
     * inspector" (the new pool selected there). Set before the step is first shown.
     */
    public void setEndActions(Runnable createAnother, java.util.function.Consumer<String> openInInspector) {
        this.another = createAnother;
        this.inspect = openInInspector;
    }

    @Override
    protected Node build() {
        Button start = new Button();
        start.setId("create-start");
        start.getStyleClass().add("accent");
        start.textProperty().bind(i18n.text("wizard.create.start"));
        start.disableProperty().bind(Bindings.or(model.runningProperty(), model.finishedProperty()));
        start.setOnAction(e -> model.start());
        Button cancel = new Button();
        cancel.setId("create-cancel");
        cancel.textProperty().bind(i18n.text("wizard.create.cancel"));
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());

        GridPane grid = new GridPane();
        grid.setId("create-steps");
        grid.setHgap(14);
        grid.setVgap(6);
        Runnable fill = () -> {
            grid.getChildren().clear();
            int r = 0;
            for (StepRow row : model.rows()) {
                Label state = new Label();
                state.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(stateKey(row.statusProperty().get())),
                        row.statusProperty(), i18n.messagesProperty()));
                state.setId("create-state-" + row.id());
                Label kind = new Label();
                kind.textProperty().bind(i18n.text(kindKey(row.kind())));
                Label name = new Label(row.name());
                Label detail = new Label();
                detail.textProperty().bind(i18n.text(row.detailProperty()));
                detail.getStyleClass().add("text-muted");
                grid.addRow(r++, state, kind, name, detail);
            }
        };
        model.rows().addListener((ListChangeListener<StepRow>) c -> fill.run());
        fill.run();

        Label status = new Label();
        status.setId("create-status");
        status.textProperty().bind(i18n.text(model.statusProperty()));
        Label error = new Label();
        error.setId("create-error");
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.getStyleClass().add("danger");
        error.textProperty().bind(i18n.text(model.errorProperty()));

        // What a failed run left in Azure: a list most runs never show, so it is built when first needed (PF-21: a
        // ListView's skin was a good part of the step's first CSS and layout pass).
        javafx.scene.layout.StackPane leftovers = io.poolforge.ui.Lazily.shownWhen(Bindings.isNotEmpty(model.leftInAzure()), () -> {
            ListView<String> left = new ListView<>(model.leftInAzure());
            left.setPrefHeight(100);
            Button delete = new Button();
            delete.setId("create-delete-leftovers");
            delete.textProperty().bind(i18n.text("wizard.create.cleanup"));
            delete.setOnAction(e -> model.deleteLeftovers());
            Button resume = new Button();
            resume.setId("create-resume");
            resume.getStyleClass().add("accent");
            resume.textProperty().bind(i18n.text("wizard.create.resume"));
            resume.setOnAction(e -> model.resume());
            resume.disableProperty().bind(model.runningProperty());
            return new VBox(6, paragraph(i18n, "wizard.create.left"), left, new HBox(8, resume, delete));
        });
        leftovers.setAlignment(javafx.geometry.Pos.TOP_LEFT);

        StackPane watchPane = new StackPane(watch.get());
        watchPane.visibleProperty().bind(model.poolProperty().isNotNull());
        watchPane.managedProperty().bind(watchPane.visibleProperty());

        // PF-19: the first-node option, stage and failure choices (FirstNodePane, self-contained).
        model.refreshFirstNode();
        FirstNodePane firstNode = new FirstNodePane(model, model.firstNode(), i18n,
                () -> model.firstNode().keep(model.firstNode().failureProperty().get() == null ? ""
                        : String.valueOf(model.firstNode().failureProperty().get().args().get(0))));
        Button anotherPool = new Button();
        anotherPool.setId("create-another");
        anotherPool.getStyleClass().add("accent");
        anotherPool.textProperty().bind(i18n.text("wizard.create.another"));
        anotherPool.setOnAction(e -> {
            model.reset();
            another.run();
        });
        Button inInspector = new Button();
        inInspector.setId("create-open-inspector");
        inInspector.textProperty().bind(i18n.text("wizard.create.openInspector"));
        inInspector.setOnAction(e -> {
            var p = model.poolProperty().get();
            if (p != null) inspect.accept(p.id());
        });
        HBox end = new HBox(8, anotherPool, inInspector);
        end.setId("create-end");
        end.visibleProperty().bind(model.finishedProperty());
        end.managedProperty().bind(end.visibleProperty());

        // PF-20 (second pass): the page's promise, true where it is shown: in the sandbox an interrupted run is offered again
        // here (below) for as long as the sandbox runs; with Azure, here and at the next sign-in.
        Label about = new Label();
        about.setId("create-about");
        about.setWrapText(true);
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.beans.binding.BooleanBinding sandbox = model.sandboxProperty();
        about.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(sandbox.get() ? "wizard.create.about.sandbox"
                : "wizard.create.about"), sandbox, i18n.messagesProperty()));
        about.getProperties().put("pf.sandboxBinding", sandbox); // kept reachable with the label

        // PF-20 (second pass): an interrupted run of this session other than the page's own, with Resume and Delete.
        Label offerText = new Label();
        offerText.setId("create-offer-text");
        offerText.setWrapText(true);
        offerText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        offerText.textProperty().bind(i18n.text(model.offerTextProperty()));
        Button offerResume = new Button();
        offerResume.setId("create-offer-resume");
        offerResume.getStyleClass().add("accent");
        offerResume.textProperty().bind(i18n.text("wizard.create.offer.resume"));
        offerResume.setOnAction(e -> model.resumeOffered());
        Button offerCleanUp = new Button();
        offerCleanUp.setId("create-offer-cleanup");
        offerCleanUp.textProperty().bind(i18n.text("wizard.create.offer.cleanUp"));
        offerCleanUp.setOnAction(e -> model.cleanUpOffered());
        VBox offer = new VBox(6, offerText, new HBox(8, offerResume, offerCleanUp));
        offer.setId("create-offer");
        offer.visibleProperty().bind(model.offeredProperty().isNotNull().and(model.runningProperty().not()));
        offer.managedProperty().bind(offer.visibleProperty());

        VBox root = new VBox(12, title(i18n, "wizard.step.create"), about, offer, firstNode,
                new HBox(8, start, cancel), grid, status, error, leftovers, end, watchPane);
        root.setId("step-view-create");
        // PF-19: the option's default and cost follow the plan each time the step is shown again.
        root.sceneProperty().addListener((o, was, now) -> {
            if (now != null && !model.runningProperty().get() && !model.finishedProperty().get()) model.refreshFirstNode();
            if (now != null) model.refreshOffer();
        });
        model.refreshOffer();
        return root;
    }

    /** The display name of what a run step creates; a kind added later reads as its name in words. */
    static String kindKey(io.poolforge.run.StepKind kind) {
        return switch (kind.name()) {
            case "POOL" -> "wizard.create.kind.pool";
            case "IMAGE_VERSION" -> "wizard.create.kind.imageVersion";
            case "IMAGE_DEFINITION" -> "wizard.create.kind.imageDefinition";
            case "MANAGED_IMAGE" -> "wizard.create.kind.managedImage";
            case "GALLERY" -> "wizard.create.kind.gallery";
            case "SNAPSHOT" -> "wizard.create.kind.snapshot";
            default -> "wizard.create.kind.other";
        };
    }

    private static String stateKey(String state) {
        return switch (state) {
            case "running" -> "wizard.create.state.running";
            case "done" -> "wizard.create.state.done";
            case "reused" -> "wizard.create.state.reused";
            case "failed" -> "wizard.create.state.failed";
            case "stopped" -> "wizard.create.state.stopped";
            default -> "wizard.create.state.pending";
        };
    }
}
