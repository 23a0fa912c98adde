package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.app.AppContext;
import io.poolforge.app.AppPaths;
import io.poolforge.app.DesktopApp;
import io.poolforge.i18n.Messages;
import io.poolforge.ui.inspect.PoolRow;
import io.poolforge.ui.wizard.WizardFrame;
import io.poolforge.ui.wizard.WizardStep;
import io.poolforge.ui.wizard.vm.VmRow;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What users see, headless (Monocle) at the default window size (1280×800): the demo flow's every
 * screen (the seven wizard steps after a run, the pool inspector with and without an opened pool,
 * the watch window), in English, then in Spanish after a switch, then in English again after
 * switching back. Fails on any label, button, table cell or header whose rendered text is not its
 * text (cut off, ellipsis), on any raw ISO timestamp or UPPER_CASE enum constant on screen, and on
 * any text of the other language (every Labeled/Text node against the other bundle's values,
 * leaving out values both bundles share).
 */
@ExtendWith(ApplicationExtension.class)
class ScreensReadableTest {
    private static final Locale ES = new Locale("es");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern UNDERSCORE_CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern CAPS_WORD = Pattern.compile("\\b[A-Z][A-Z0-9]{3,}\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");

    /** Constants of the enums a screen could leak (states, kinds, codes). */
    private static final Set<String> ENUM_NAMES = new HashSet<>();
    private static Properties english;
    private static Properties spanish;

    @TempDir
    Path home;
    private AppContext context;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void load() throws IOException {
        english = read("messages.properties");
        spanish = read("messages_es.properties");
        for (Class<? extends Enum<?>> e : List.<Class<? extends Enum<?>>>of(io.poolforge.domain.AllocationState.class,
                io.poolforge.domain.PowerState.class, io.poolforge.domain.OsType.class, io.poolforge.domain.SecurityType.class,
                io.poolforge.domain.OsState.class, io.poolforge.domain.ImageTarget.class, io.poolforge.domain.PoolAllocationMode.class,
                io.poolforge.domain.TempDrive.class, io.poolforge.domain.rules.Severity.class, io.poolforge.domain.rules.RuleCode.class,
                io.poolforge.run.StepKind.class, io.poolforge.run.StepStatus.class, PoolRow.ImageType.class, VmRow.Eligibility.class)) {
            for (Enum<?> c : e.getEnumConstants()) if (c.name().length() >= 4) ENUM_NAMES.add(c.name());
        }
    }

    private static Properties read(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/io/poolforge/i18n").resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new AppContext(new AppPaths(home), Locale.ENGLISH, AppContext.Options.tests());
        window = DesktopApp.show(context, stage);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void everyScreenOfTheDemoReadsWholeInEitherLanguage(FxRobot robot) throws Exception {
        assertThat(stage.getScene().getWidth()).isEqualTo(DesktopApp.WIDTH);
        assertThat(stage.getScene().getHeight()).isEqualTo(DesktopApp.HEIGHT);
        WizardFrame wizard = fx(() -> context.wizard());
        DemoWalk.to(robot, context, stage, wizard, "snapshot", "image", "pool", "review", "create");
        robot.interact(() -> ((Button) stage.getScene().lookup("#create-start")).fire());
        waitFor(() -> fx(() -> ((Button) stage.getScene().lookup("#create-start")).isDisabled()
                && stage.getScene().lookup("#create-cancel").isDisabled()
                && stage.getScene().lookup("#watch-allocation") instanceof Labeled l && !l.getText().isEmpty()));

        List<String> problems = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, ES, Locale.ENGLISH)) {
            robot.interact(() -> context.i18n().setLocale(locale));
            for (WizardStep step : fx(wizard::stepsInOrder)) {
                robot.interact(() -> wizard.goTo(step));
                problems.addAll(check(robot, stage.getScene(), locale, step.id()));
            }
        }

        // The pool inspector: the list alone, then with the pool whose image was deleted opened.
        robot.interact(() -> window.showInspector());
        waitFor(() -> fx(() -> stage.getScene().lookup("#inspect-pools") instanceof TableView<?> t && !t.getItems().isEmpty()));
        // A task keeps the title of the language it started in: read the screen once the listing has ended.
        waitFor(() -> fx(() -> !context.inspector().loadingProperty().get()));
        for (Locale locale : List.of(ES, Locale.ENGLISH)) {
            robot.interact(() -> context.i18n().setLocale(locale));
            problems.addAll(check(robot, stage.getScene(), locale, "inspector list"));
        }
        robot.interact(() -> {
            @SuppressWarnings("unchecked") TableView<PoolRow> pools = (TableView<PoolRow>) stage.getScene().lookup("#inspect-pools");
            pools.getSelectionModel().select(pools.getItems().stream().filter(r -> Boolean.FALSE.equals(r.imageExists()))
                    .findFirst().orElseThrow());
        });
        waitFor(() -> fx(() -> stage.getScene().lookup("#inspect-copy-json") != null
                && !stage.getScene().getRoot().lookupAll(".diagnosis-card").isEmpty() || stage.getScene().lookup("#inspect-details")
                .lookupAll(".inspect-section").size() >= 4));
        WaitForAsyncUtils.waitForFxEvents();
        String poolId = fx(() -> {
            @SuppressWarnings("unchecked") TableView<PoolRow> pools = (TableView<PoolRow>) stage.getScene().lookup("#inspect-pools");
            return pools.getSelectionModel().getSelectedItem().id();
        });
        for (Locale locale : List.of(ES, Locale.ENGLISH)) {
            robot.interact(() -> context.i18n().setLocale(locale));
            problems.addAll(check(robot, stage.getScene(), locale, "inspector " + poolId));
        }

        // The watch of that pool, in a window of its own.
        Stage watch = fx(() -> context.openWatchWindow(poolId));
        waitFor(() -> fx(() -> watch.getScene().lookup("#watch-allocation") instanceof Labeled l && !l.getText().isEmpty()));
        for (Locale locale : List.of(ES, Locale.ENGLISH)) {
            robot.interact(() -> context.i18n().setLocale(locale));
            problems.addAll(check(robot, watch.getScene(), locale, "watch " + poolId));
        }
        robot.interact(watch::close);

        assertThat(problems).as("what users would see wrong").isEmpty();
    }

    // ---- the checks ------------------------------------------------------------------------

    private List<String> check(FxRobot robot, Scene scene, Locale locale, String where) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // Tables fit themselves after a layout pass, and lists size their cells in a second one: let
        // them (as the screen would within a frame or two), then read what is drawn.
        fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            List<String> out = new ArrayList<>();
            List<Pattern> foreign = foreignPatterns(locale);
            Set<String> seen = new LinkedHashSet<>();
            walk(scene.getRoot(), out, seen, where + " [" + locale.getLanguage() + "]");
            for (String text : seen) {
                String tag = where + " [" + locale.getLanguage() + "]: ";
                if (ISO_INSTANT.matcher(text).find()) out.add(tag + "raw ISO timestamp in \"" + text + "\"");
                Matcher m = UNDERSCORE_CONSTANT.matcher(text);
                while (m.find()) if (ENUM_NAMES.contains(m.group())) out.add(tag + "enum constant " + m.group() + " in \"" + text + "\"");
                Matcher w = CAPS_WORD.matcher(text);
                while (w.find()) if (ENUM_NAMES.contains(w.group())) out.add(tag + "enum constant " + w.group() + " in \"" + text + "\"");
                for (Pattern p : foreign) {
                    if (p.matcher(text).find()) {
                        out.add(tag + "other language: \"" + text + "\" matches " + p.pattern());
                        break;
                    }
                }
            }
            return out;
        });
    }

    private static void walk(Node node, List<String> out, Set<String> texts, String where) {
        if (!node.isVisible() || node.getOpacity() == 0) return;
        if (node instanceof TextInputControl) return; // what the user typed (or was proposed) is theirs
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            // The status line too: a running task's title and message follow a language switch (PF-20, TaskBarLanguageTest).
            texts.add(l.getText());
            Text drawn = drawnText(l);
            // A mnemonic's underscore is not drawn (it underlines the letter after it).
            String expected = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=[^_])", "") : l.getText();
            if (drawn != null && !expected.equals(drawn.getText())) {
                out.add(where + ": " + l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId())
                        + " cut off: \"" + l.getText() + "\" drawn as \"" + drawn.getText() + "\"");
            }
        } else if (node instanceof Text t && t.getText() != null && !t.getText().isBlank() && !(t.getParent() instanceof Labeled)) {
            texts.add(t.getText());
        }
        if (node instanceof TableView<?> t && t.getWidth() > 0) {
            // Columns wider than the table hide behind a horizontal scroll: cut off just the same.
            double columns = t.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum();
            if (columns > t.getWidth() - t.snappedLeftInset() - t.snappedRightInset() + 1) {
                out.add(where + ": table #" + t.getId() + " needs " + Math.round(columns) + " px, has " + Math.round(t.getWidth())
                        + " " + t.getVisibleLeafColumns().stream().map(c -> c.getText() + "=" + Math.round(c.getWidth()) + "(min " + Math.round(c.getMinWidth()) + ", pref " + Math.round(c.getPrefWidth()) + ")").toList());
            }
        }
        if (node instanceof Labeled l && l.getGraphic() != null) walk(l.getGraphic(), out, texts, where);
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                if (node instanceof Labeled l && c == l.getGraphic()) continue;
                walk(c, out, texts, where);
            }
        }
    }

    /** The Text a Labeled's skin draws (its text, or its text cut with an ellipsis). */
    private static Text drawnText(Labeled l) {
        // The graphic may itself be a Text (an icon, Icons.of, is one): the label's own text is the other Text.
        for (Node c : l.getChildrenUnmodifiable()) if (c instanceof Text t && c != l.getGraphic()) return t;
        return null;
    }

    /**
     * The other language's values, as patterns: a value without placeholders matches the whole text
     * (or, when long, any part of it); one with placeholders matches its literal parts in order.
     * Values identical in both bundles, and short fragments, are left out.
     */
    private static List<Pattern> foreignPatterns(Locale shown) {
        Properties own = "es".equals(shown.getLanguage()) ? spanish : english;
        Properties other = own == spanish ? english : spanish;
        Set<String> ownValues = new HashSet<>();
        for (String k : own.stringPropertyNames()) ownValues.add(own.getProperty(k).replace("''", "'"));
        List<Pattern> out = new ArrayList<>();
        for (String k : other.stringPropertyNames()) {
            String v = other.getProperty(k).replace("''", "'");
            if (v.equals(own.getProperty(k, "").replace("''", "'")) || ownValues.contains(v) || v.contains("choice,")) continue;
            String[] parts = PLACEHOLDER.split(v, -1);
            if (parts.length == 1) {
                if (v.strip().length() < 4) continue;
                out.add(v.length() >= 16 ? Pattern.compile(Pattern.quote(v)) : Pattern.compile("^\\s*" + Pattern.quote(v.strip()) + "\\s*$"));
                continue;
            }
            int longest = 0;
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) re.append(".*?");
                if (!parts[i].isEmpty()) re.append(Pattern.quote(parts[i]));
                longest = Math.max(longest, parts[i].strip().length());
            }
            if (longest >= 10) out.add(Pattern.compile(re.toString(), Pattern.DOTALL));
        }
        return out;
    }

    // ---- driving (DemoWalk) ----------------------------------------------------------------

    private static <T> T fx(Callable<T> c) throws Exception {
        return DemoWalk.fx(c);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        DemoWalk.waitFor(condition);
    }
}
