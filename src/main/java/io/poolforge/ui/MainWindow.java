package io.poolforge.ui;

import io.poolforge.i18n.Messages;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/** The main window's content: a header (name, wizard/inspector switch, language) and the page below it. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final ComboBox<Locale> language = new ComboBox<>();
    private final Runnable showInspector;
    private final Runnable showWizard;

    /**
     * @param onLanguageChosen called (FX thread) when the user picks a language; saves the choice
     */
    public MainWindow(I18n i18n, Node wizard, Node inspector, Node statusBar, Consumer<Locale> onLanguageChosen) {
        Label title = new Label();
        title.textProperty().bind(i18n.text("app.title"));
        title.getStyleClass().addAll("title-2", "app-title");
        Label subtitle = new Label();
        subtitle.textProperty().bind(i18n.text("app.subtitle"));
        subtitle.getStyleClass().add("text-muted");
        VBox names = new VBox(2, title, subtitle);

        Label languageLabel = new Label();
        languageLabel.textProperty().bind(i18n.text("app.language"));
        language.setId("language");
        language.getItems().setAll(Messages.SUPPORTED);
        Callback<ListView<Locale>, ListCell<Locale>> cells = lv -> new ListCell<>() {
            @Override protected void updateItem(Locale item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : i18n.get(languageKey(item)));
            }
        };
        language.setCellFactory(cells);
        language.setButtonCell(cells.call(null));
        language.setValue(i18n.locale());
        languageLabel.setLabelFor(language);
        language.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(i18n.locale())) {
                i18n.setLocale(now);
                onLanguageChosen.accept(now);
            }
        });
        // The language can also change from elsewhere (settings, screenshots): keep the box true.
        i18n.messagesProperty().addListener((obs, old, now) -> language.setValue(now.locale()));
        // Wizard or pool inspector: two pages of one window.
        ToggleGroup pages = new ToggleGroup();
        ToggleButton wizardPage = new ToggleButton();
        wizardPage.setId("page-wizard");
        wizardPage.textProperty().bind(i18n.text("app.page.wizard"));
        wizardPage.setToggleGroup(pages);
        ToggleButton inspectorPage = new ToggleButton();
        inspectorPage.setId("page-inspector");
        inspectorPage.textProperty().bind(i18n.text("app.page.inspector"));
        inspectorPage.setToggleGroup(pages);
        wizardPage.getStyleClass().add("left-pill");
        inspectorPage.getStyleClass().add("right-pill");
        pages.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                pages.selectToggle(old);
                return;
            }
            root.setCenter(now == inspectorPage ? inspector : wizard);
        });
        this.showInspector = () -> pages.selectToggle(inspectorPage);
        this.showWizard = () -> pages.selectToggle(wizardPage);
        HBox switcher = new HBox(wizardPage, inspectorPage);
        switcher.setAlignment(Pos.CENTER);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox header = new HBox(12, names, spacer, switcher, spacer2, languageLabel, language);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 24, 12, 24));
        header.getStyleClass().add("app-header");

        root.setTop(header);
        root.setBottom(statusBar);
        pages.selectToggle(wizardPage);
        root.getStyleClass().add("main-window");
    }

    public Parent root() { return root; }

    public void showInspector() { showInspector.run(); }

    public void showWizard() { showWizard.run(); }

    private static String languageKey(Locale locale) {
        return "es".equals(locale.getLanguage()) ? "app.language.es" : "app.language.en";
    }
}
