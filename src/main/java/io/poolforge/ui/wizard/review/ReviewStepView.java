package io.poolforge.ui.wizard.review;

import static io.poolforge.ui.wizard.StepViews.label;
import static io.poolforge.ui.wizard.StepViews.paragraph;
import static io.poolforge.ui.wizard.StepViews.title;

import io.poolforge.domain.LocalizedText;
import io.poolforge.export.ExportFormat;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.StepView;
import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Step 6 on screen: the ordered list of what will be created, the cores against quota, export and save. */
public final class ReviewStepView extends StepView<ReviewViewModel> {

    public ReviewStepView(ReviewViewModel model, I18n i18n) {
        super("review", "wizard.step.review", model, i18n);
    }

    @Override public void onEnter() { model.enter(); }

    @Override
    protected Node build() {
        VBox items = texts(model.items(), "review-item");
        VBox cores = texts(model.cores(), "review-cores");
        MenuButton export = new MenuButton();
        export.setId("review-export");
        export.textProperty().bind(i18n.text("wizard.review.export"));
        for (ExportFormat f : ExportFormat.values()) {
            MenuItem item = new MenuItem();
            item.textProperty().bind(i18n.text(switch (f) {
                case AZ -> "wizard.review.export.az";
                case PWSH -> "wizard.review.export.pwsh";
                case ARM -> "wizard.review.export.arm";
                case POOL_JSON -> "wizard.review.export.poolJson";
                case BATCH_POOL_JSON -> "wizard.review.export.batchPoolJson";
            }));
            item.setOnAction(e -> choose("poolforge-" + f.id() + "." + f.extension(), file -> model.export(f, file.toPath())));
            export.getItems().add(item);
        }
        Button save = new Button();
        save.setId("review-save");
        save.textProperty().bind(i18n.text("wizard.review.save"));
        save.setOnAction(e -> choose("poolforge-plan.json", file -> model.savePlan(file.toPath())));
        Label status = new Label();
        status.setId("review-status");
        status.textProperty().bind(i18n.text(model.statusProperty()));
        VBox root = new VBox(12, title(i18n, "wizard.step.review"), paragraph(i18n, "wizard.review.about"), items,
                label(i18n, "wizard.review.cores", "text-bold"), cores, new HBox(8, export, save), status);
        root.setId("step-view-review");
        return root;
    }

    private void choose(String name, java.util.function.Consumer<File> then) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        File file = chooser.showSaveDialog(stage());
        if (file != null) then.accept(file);
    }

    private javafx.stage.Window stage() {
        Node v = view();
        return v.getScene() == null ? null : v.getScene().getWindow();
    }

    private VBox texts(ObservableList<LocalizedText> source, String id) {
        VBox box = new VBox(4);
        box.setId(id);
        Runnable render = () -> box.getChildren().setAll(source.stream().map(t -> {
            Label l = new Label(i18n.get(t.key(), t.argsArray()));
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            return (Node) l;
        }).toList());
        source.addListener((ListChangeListener<LocalizedText>) c -> render.run());
        i18n.messagesProperty().addListener((o, a, b) -> render.run());
        render.run();
        return box;
    }
}
