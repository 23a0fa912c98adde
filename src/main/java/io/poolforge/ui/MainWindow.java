package io.poolforge.ui;

import io.poolforge.i18n.Messages;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window's content: the sandbox band (while connected to the sandbox), a header (name,
 * start/wizard/inspector switch, theme, language) and the page below it. Pages are built the first
 * time they are shown (PF-13: the first frame shows the start screen only).
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    // ChoiceBoxes, not ComboBoxes: a ComboBox's skin builds a ListView with its cells for the first frame (~25 ms of
    // the FX thread before the window could show, PF-21 fourth pass); a ChoiceBox's menu is built when opened.
    private final ChoiceBox<Locale> language = new ChoiceBox<>();
    private final ChoiceBox<Theme.Choice> theme = new ChoiceBox<>();
    private final ToggleGroup pages = new ToggleGroup();
    private final ToggleButton startPage = new ToggleButton();
    private final ToggleButton wizardPage = new ToggleButton();
    private final ToggleButton inspectorPage = new ToggleButton();

    /**
     * @param start            the start screen, or null to open on the wizard (tests)
     * @param sandbox          true while the session is connected to the sandbox (shows the band)
     * @param onLanguageChosen called (FX thread) when the user picks a language; saves the choice
     * @param onThemeChosen    called (FX thread) when the user picks a theme; saves the choice
     */
    public MainWindow(I18n i18n, Supplier<Node> wizard, Supplier<Node> inspector, Node start, Node statusBar,
                      ObservableBooleanValue sandbox, Theme themes, Consumer<Locale> onLanguageChosen,
                      Consumer<Theme.Choice> onThemeChosen) {
        Label title = new Label();
        title.textProperty().bind(i18n.text("app.title"));
        title.getStyleClass().addAll("title-2", "app-title");
        Label subtitle = new Label();
        subtitle.textProperty().bind(i18n.text("app.subtitle"));
        subtitle.getStyleClass().add("text-muted");
        // Spanish is longer: the subtitle wraps onto a second line rather than ending in "…" at 1280x800.
        subtitle.setWrapText(true);
        VBox names = new VBox(2, title, subtitle);

        Label languageLabel = new Label();
        languageLabel.textProperty().bind(i18n.text("app.language"));
        languageLabel.setMnemonicParsing(true);
        language.setId("language");
        language.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        language.getItems().setAll(Messages.SUPPORTED);
        java.util.function.Function<Locale, String> languageName = item -> item == null ? "" : i18n.get(languageKey(item));
        language.setConverter(Named.by(languageName));
        language.setValue(i18n.locale());
        language.accessibleTextProperty().bind(i18n.text("app.language.name"));
        languageLabel.setLabelFor(language);
        language.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(i18n.locale())) {
                i18n.setLocale(now);
                onLanguageChosen.accept(now);
            }
        });
        // The language can also change from elsewhere (settings, screenshots): keep the box true.
        i18n.messagesProperty().addListener((obs, old, now) -> language.setValue(now.locale()));

        Label themeLabel = new Label();
        themeLabel.textProperty().bind(i18n.text("app.theme"));
        themeLabel.setMnemonicParsing(true);
        theme.setId("theme");
        theme.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        theme.getItems().setAll(Theme.Choice.values());
        java.util.function.Function<Theme.Choice, String> themeName = item -> item == null ? "" : i18n.get(switch (item) {
            case SYSTEM -> "app.theme.system";
            case LIGHT -> "app.theme.light";
            case DARK -> "app.theme.dark";
        });
        theme.setConverter(Named.by(themeName));
        theme.setValue(themes.choiceProperty().get());
        theme.accessibleTextProperty().bind(i18n.text("app.theme.name"));
        themeLabel.setLabelFor(theme);
        theme.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != themes.choiceProperty().get()) {
                themes.choiceProperty().set(now);
                onThemeChosen.accept(now);
            }
        });
        // Re-render the choices' texts on a language switch (a new converter makes a ChoiceBox relabel its value and menu).
        i18n.messagesProperty().addListener((obs, old, now) -> {
            theme.setConverter(Named.by(themeName));
            language.setConverter(Named.by(languageName));
        });

        // Start, wizard or pool inspector: pages of one window, each built when first shown.
        Node[] built = new Node[3];
        startPage.setId("page-start");
        startPage.textProperty().bind(i18n.text("app.page.start"));
        startPage.setGraphic(Icons.of(Material2AL.HOME));
        startPage.setToggleGroup(pages);
        wizardPage.setId("page-wizard");
        wizardPage.textProperty().bind(i18n.text("app.page.wizard"));
        wizardPage.setGraphic(Icons.of(Material2AL.ADD_CIRCLE));
        wizardPage.setToggleGroup(pages);
        inspectorPage.setId("page-inspector");
        inspectorPage.textProperty().bind(i18n.text("app.page.inspector"));
        inspectorPage.setGraphic(Icons.of(Material2MZ.SEARCH));
        inspectorPage.setToggleGroup(pages);
        startPage.getStyleClass().add("left-pill");
        wizardPage.getStyleClass().add(start == null ? "left-pill" : "center-pill");
        inspectorPage.getStyleClass().add("right-pill");
        StackPane page = new StackPane();
        page.setId("page");
        pages.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                pages.selectToggle(old);
                return;
            }
            Node shown;
            if (now == startPage) shown = built[0] != null ? built[0] : (built[0] = start);
            else if (now == inspectorPage) shown = built[2] != null ? built[2] : (built[2] = inspector.get());
            else shown = built[1] != null ? built[1] : (built[1] = wizard.get());
            page.getChildren().setAll(shown);
        });
        HBox switcher = start == null ? new HBox(wizardPage, inspectorPage) : new HBox(startPage, wizardPage, inspectorPage);
        switcher.setAlignment(Pos.CENTER);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        // Labels, pages and choices keep their whole text (Spanish is longer); the subtitle gives way first (it wraps).
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {themeLabel, languageLabel, startPage, wizardPage,
                inspectorPage, theme, language}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        // The name itself never gives way (PF-20: "PoolF…" at 1024x700); tighter spacing leaves it room there.
        title.setMinWidth(Region.USE_PREF_SIZE);
        names.setMinWidth(Region.USE_PREF_SIZE);
        subtitle.setMinWidth(0);
        names.minWidthProperty().bind(title.widthProperty());
        HBox header = new HBox(8, names, spacer, switcher, spacer2, themeLabel, theme, languageLabel, language);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("app-header");

        // The band: unmistakable, on every page, while the session talks to the sandbox.
        Label band = new Label();
        band.setId("sandbox-band");
        band.textProperty().bind(i18n.text("app.sandboxBand"));
        band.setGraphic(Icons.of(Material2MZ.WARNING));
        band.setMaxWidth(Double.MAX_VALUE);
        band.setAlignment(Pos.CENTER);
        band.getStyleClass().add("sandbox-band");
        band.visibleProperty().bind(sandbox);
        band.managedProperty().bind(sandbox);

        root.setTop(new VBox(band, header));
        root.setCenter(page);
        root.setBottom(statusBar);
        pages.selectToggle(start == null ? wizardPage : startPage);
        root.getStyleClass().add("main-window");
    }

    public Parent root() { return root; }

    public void showInspector() { pages.selectToggle(inspectorPage); }

    public void showWizard() { pages.selectToggle(wizardPage); }

    public void showStart() {
        if (pages.getToggles().contains(startPage) && startPage.getParent() != null) pages.selectToggle(startPage);
    }

    private static String languageKey(Locale locale) {
        return "es".equals(locale.getLanguage()) ? "app.language.es" : "app.language.en";
    }
}
