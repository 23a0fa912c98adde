package io.poolforge.ui.wizard.create;

import io.poolforge.run.FirstNode;
import io.poolforge.ui.I18n;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * PF-19 on screen, self-contained for the create step: the option with its cost, the first-node stage as the run
 * goes, and after a failed first node the cause, the remedy and the three choices.
 */
final class FirstNodePane extends VBox {
    FirstNodePane(CreateViewModel model, FirstNodeModel fn, I18n i18n, Runnable onKeep) {
        super(6);
        setId("create-first-node");

        CheckBox option = new CheckBox();
        option.setId("create-first-node-option");
        option.textProperty().bind(i18n.text("wizard.create.firstNode.option"));
        option.setSelected(fn.enabledProperty().get());
        fn.enabledProperty().addListener((o, a, b) -> option.setSelected(b));
        option.setOnAction(e -> fn.choose(option.isSelected()));
        option.disableProperty().bind(Bindings.or(model.runningProperty(), model.finishedProperty()));
        Label cost = wrapped("create-first-node-cost", "text-muted");
        cost.textProperty().bind(i18n.text(fn.costProperty()));
        Label previous = wrapped("create-first-node-previous", "text-muted");
        previous.textProperty().bind(i18n.text(fn.previousProperty()));
        previous.visibleProperty().bind(fn.previousProperty().isNotNull());
        previous.managedProperty().bind(previous.visibleProperty());
        VBox optionBox = new VBox(2, option, cost, previous);
        optionBox.visibleProperty().bind(fn.appliesProperty());
        optionBox.managedProperty().bind(optionBox.visibleProperty());

        // PF-20 (second pass): an empty pool has no node to prove the image on; the page says the check is skipped.
        Label skipped = wrapped("create-first-node-skipped", "text-muted");
        skipped.textProperty().bind(i18n.text("wizard.create.firstNode.skippedNoNodes"));
        skipped.visibleProperty().bind(fn.skippedNoNodesProperty());
        skipped.managedProperty().bind(skipped.visibleProperty());

        Label stage = wrapped("create-first-node-stage");
        stage.textProperty().bind(i18n.text(fn.stageProperty()));
        stage.visibleProperty().bind(fn.stageProperty().isNotNull());
        stage.managedProperty().bind(stage.visibleProperty());
        stage.styleProperty().bind(Bindings.createStringBinding(() -> fn.stageKindProperty().get() == FirstNode.Stage.FAILED
                ? "-fx-font-weight: bold;" : "", fn.stageKindProperty()));

        Label headline = wrapped("create-first-node-failure", "danger");
        headline.textProperty().bind(i18n.text(fn.failureProperty()));
        Label causeTitle = new Label();
        causeTitle.textProperty().bind(i18n.text("wizard.create.firstNode.cause"));
        causeTitle.setStyle("-fx-font-weight: bold;");
        Label cause = wrapped("create-first-node-cause");
        cause.textProperty().bind(i18n.text(fn.causeProperty()));
        Label remedyTitle = new Label();
        remedyTitle.textProperty().bind(i18n.text("wizard.create.firstNode.remedy"));
        remedyTitle.setStyle("-fx-font-weight: bold;");
        Label remedy = wrapped("create-first-node-remedy");
        remedy.textProperty().bind(i18n.text(fn.remedyProperty()));
        Label stderrTitle = new Label();
        stderrTitle.textProperty().bind(i18n.text("wizard.create.firstNode.stderr"));
        stderrTitle.setStyle("-fx-font-weight: bold;");
        Label stderr = wrapped("create-first-node-stderr");
        stderr.setStyle("-fx-font-family: monospace;");
        stderr.textProperty().bind(fn.stderrProperty());
        VBox stderrBox = new VBox(2, stderrTitle, stderr);
        stderrBox.visibleProperty().bind(fn.stderrProperty().isNotEmpty());
        stderrBox.managedProperty().bind(stderrBox.visibleProperty());
        Label nothingMore = wrapped("create-first-node-nothing-more", "text-muted");
        nothingMore.textProperty().bind(i18n.text("wizard.create.firstNode.nothingMore"));

        Button delete = new Button();
        delete.setId("create-first-node-delete");
        delete.textProperty().bind(i18n.text("wizard.create.firstNode.delete"));
        delete.setOnAction(e -> model.deleteLeftovers());
        Button keep = new Button();
        keep.setId("create-first-node-keep");
        keep.textProperty().bind(i18n.text("wizard.create.firstNode.keep"));
        keep.setOnAction(e -> onKeep.run());
        Button resume = new Button();
        resume.setId("create-first-node-resume");
        resume.getStyleClass().add("accent");
        resume.textProperty().bind(i18n.text("wizard.create.firstNode.resume"));
        resume.setOnAction(e -> model.resume());
        for (Button b : new Button[] {delete, keep, resume}) b.disableProperty().bind(model.runningProperty());
        VBox failure = new VBox(6, headline, causeTitle, cause, remedyTitle, remedy, stderrBox, nothingMore, new HBox(8, delete, keep, resume));
        failure.setId("create-first-node-failed");
        failure.setStyle("-fx-border-color: -color-danger-emphasis, transparent; -fx-border-width: 0 0 0 3; -fx-padding: 0 0 0 10;");
        failure.visibleProperty().bind(fn.failedProperty());
        failure.managedProperty().bind(failure.visibleProperty());

        Label choice = wrapped("create-first-node-choice", "text-muted");
        choice.textProperty().bind(i18n.text(fn.choiceProperty()));
        choice.visibleProperty().bind(fn.choiceProperty().isNotNull());
        choice.managedProperty().bind(choice.visibleProperty());

        getChildren().addAll(optionBox, skipped, stage, failure, choice);
    }

    private static Label wrapped(String id, String... styles) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(styles);
        return l;
    }
}
