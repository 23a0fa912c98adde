package io.poolforge.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The first screen (PF-14): three doors — create a pool from a VM, inspect pools, try the sandbox
 * demo — each with one line on what it does. Deliberately small: it is what the first frame shows
 * (PF-13), the wizard and the inspector are built when a door opens them.
 */
public final class StartScreen {
    private final VBox root;

    public StartScreen(I18n i18n, Runnable createPool, Runnable inspectPools, Runnable sandboxDemo) {
        Label heading = new Label();
        heading.textProperty().bind(i18n.text("start.heading"));
        heading.getStyleClass().add("title-1");
        Label intro = new Label();
        intro.textProperty().bind(i18n.text("start.intro"));
        intro.getStyleClass().add("text-muted");
        intro.setWrapText(true);
        VBox create = door(i18n, "start-create", "start.create", "start.create.name", "start.create.line",
                Material2AL.ADD_CIRCLE, createPool);
        VBox inspect = door(i18n, "start-inspect", "start.inspect", "start.inspect.name", "start.inspect.line",
                Material2MZ.SEARCH, inspectPools);
        VBox demo = door(i18n, "start-demo", "start.demo", "start.demo.name", "start.demo.line",
                Material2MZ.SCIENCE, sandboxDemo);
        HBox doors = new HBox(16, create, inspect, demo);
        doors.setAlignment(Pos.CENTER);
        for (Node d : doors.getChildren()) HBox.setHgrow(d, Priority.ALWAYS);
        root = new VBox(14, heading, intro, doors);
        root.setId("start-screen");
        root.setPadding(new Insets(48, 64, 48, 64));
        root.setMaxWidth(1100);
        root.getStyleClass().add("start-screen");
    }

    /**
     * A door: a card with a big button (icon above its title, which carries the mnemonic) and one line
     * on what it does; the button's accessible text says both; a click anywhere on the card opens it.
     */
    private static VBox door(I18n i18n, String id, String key, String nameKey, String lineKey, Ikon icon, Runnable action) {
        javafx.scene.text.Text graphic = Icons.of(icon, 40);
        graphic.getStyleClass().add("door-icon");
        Button b = new Button();
        b.setId(id);
        b.setGraphic(graphic);
        b.setContentDisplay(ContentDisplay.TOP);
        b.setMnemonicParsing(true);
        b.textProperty().bind(i18n.text(key));
        b.setMaxWidth(Double.MAX_VALUE);
        b.setWrapText(true);
        b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        b.getStyleClass().addAll("door", "title-4");
        b.setOnAction(e -> action.run());
        Label line = new Label();
        line.textProperty().bind(i18n.text(lineKey));
        line.setWrapText(true);
        line.getStyleClass().add("text-muted");
        line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat(
                i18n.text(nameKey), ". ", line.textProperty()));
        VBox card = new VBox(10, b, line);
        card.setPadding(new Insets(16));
        card.setPrefWidth(320);
        card.getStyleClass().addAll("step-card", "door-card");
        card.setOnMouseClicked(e -> b.fire());
        return card;
    }

    public Node root() { return root; }
}
