package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.app.AppContext;
import io.poolforge.app.AppPaths;
import io.poolforge.app.DesktopApp;
import io.poolforge.ui.wizard.WizardFrame;
import io.poolforge.ui.wizard.WizardStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The smallest supported screen (1024×700, WindowPlacement's lower bound): every wizard step of the demo flow fits the
 * window's width in English and in Spanish, so no step needs a horizontal scroll bar with its right edge cut off. Seen
 * in the real window under openbox (2026-12-07): the image and pool steps in Spanish were wider than the window,
 * because a field name never wraps and the longest Spanish one set the label column.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenWidthTest {
    private static final Locale ES = new Locale("es");

    @TempDir
    Path home;
    private AppContext context;
    private Stage stage;
    private double width;
    private double height;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new AppContext(new AppPaths(home), Locale.ENGLISH, AppContext.Options.tests());
        DesktopApp.show(context, stage);
        width = stage.getWidth();
        height = stage.getHeight();
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    /** The tests share one stage: it goes back to the size the app gives it. */
    @AfterEach
    void close() throws Exception {
        fx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        context.close();
    }

    @Test
    void everyStepFitsTheWidthOfTheSmallestScreenInEitherLanguage(FxRobot robot) throws Exception {
        WizardFrame wizard = fx(() -> context.wizard());
        DemoWalk.to(robot, context, stage, wizard, "snapshot", "image", "pool", "review");

        List<String> problems = new ArrayList<>();
        for (double[] size : new double[][] {{1024, 700}, {width, height}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Locale locale : List.of(Locale.ENGLISH, ES)) {
                robot.interact(() -> context.i18n().setLocale(locale));
                for (WizardStep step : fx(wizard::stepsInOrder)) {
                    robot.interact(() -> wizard.goTo(step));
                    WaitForAsyncUtils.waitForFxEvents();
                    String where = (int) size[0] + "x" + (int) size[1] + " " + locale.getLanguage() + " " + step.id();
                    String problem = fx(() -> overflow(where, step.id()));
                    if (problem != null) problems.add(problem);
                    problems.addAll(fx(() -> squeezed(where)));
                }
            }
        }
        assertThat(problems).as("steps wider than the window, or words broken to fit").isEmpty();
    }

    /**
     * Wrapping labels narrower than their longest word (JavaFX then breaks the word, down to a letter a line): a form
     * that fits by squeezing its names does not count as fitting.
     */
    private List<String> squeezed(String where) {
        List<String> out = new ArrayList<>();
        List<Node> all = new ArrayList<>();
        collect(stage.getScene().getRoot(), all);
        for (Node n : all) {
            if (!(n instanceof javafx.scene.control.Labeled l) || !l.isWrapText() || !l.isVisible() || l.getText() == null
                    || l.getText().isBlank() || l.getWidth() <= 0 || !showing(l)) continue;
            javafx.scene.text.Text probe = new javafx.scene.text.Text();
            probe.setFont(l.getFont());
            double word = 0;
            for (String w : l.getText().split("\\s+")) {
                probe.setText(w);
                word = Math.max(word, probe.getLayoutBounds().getWidth());
            }
            double room = l.getWidth() - l.snappedLeftInset() - l.snappedRightInset();
            if (room + 1 < Math.min(word, 300)) {
                out.add(where + ": \"" + l.getText() + "\" squeezed to " + Math.round(room) + " px (a word needs " + Math.round(word) + ")");
            }
        }
        return out;
    }

    /** Null when the step's content fits its scroll pane's width; else what is wider, and the widest pieces in it. */
    private String overflow(String where, String step) {
        ScrollPane scroll = (ScrollPane) stage.getScene().getRoot().lookupAll(".scroll-pane").stream()
                .filter(n -> n instanceof ScrollPane s && s.getContent() != null && s.getContent().lookup("#step-view-" + step) != null)
                .findFirst().orElse(null);
        if (scroll == null) return null;
        Node content = scroll.getContent();
        double need = content.minWidth(-1);
        double have = scroll.getViewportBounds().getWidth();
        if (need <= have + 0.5) return null;
        List<Node> wide = new ArrayList<>();
        collect(content, wide);
        String widest = wide.stream().filter(n -> n instanceof Region).sorted(Comparator.comparingDouble((Node n) -> -n.minWidth(-1)))
                .limit(6).map(n -> n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
                        + (n instanceof javafx.scene.control.Labeled l ? " \"" + l.getText() + "\"" : "") + " min " + Math.round(n.minWidth(-1)))
                .reduce((a, b) -> a + "; " + b).orElse("");
        return where + ": needs " + Math.round(need) + " px, has " + Math.round(have) + " (" + widest + ")";
    }

    /** Visible, and so is every parent. */
    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, out);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return DemoWalk.fx(c);
    }

}
