package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Arc;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * PF-13: the busy marks repaint the window a few times a second, not at every pulse. The spinner turns in eighths
 * (its rotation takes 8 values a second, never one in between), only while busy and shown; the task bar shows it,
 * not an indeterminate bar (which animates at every pulse), for a task that tells no progress.
 */
@ExtendWith(ApplicationExtension.class)
class BusySpinnerTest {
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private BusySpinner spinner;
    private TaskBar bar;

    @Start
    void start(Stage stage) {
        spinner = new BusySpinner(busy, new SimpleStringProperty("Loading"));
        bar = new TaskBar(new I18n(Locale.ENGLISH), running);
        stage.setScene(new Scene(new VBox(spinner, bar.root()), 600, 200));
        stage.show();
    }

    @Test
    void turnsInEighthsOnlyWhileBusy(FxRobot robot) throws Exception {
        assertThat(spinner.isVisible()).isFalse();
        assertThat(spinner.isTurning()).as("not busy: no animation at all").isFalse();

        robot.interact(() -> busy.set(true));
        assertThat(spinner.isVisible()).isTrue();
        assertThat(spinner.isTurning()).isTrue();
        Arc arc = (Arc) spinner.getChildrenUnmodifiable().get(0);
        java.util.Set<Double> angles = new java.util.TreeSet<>();
        for (int i = 0; i < 40; i++) {
            angles.add(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> arc.getRotate() % 360.0).get());
            Thread.sleep(25);
        }
        assertThat(angles).as("only whole eighths of a turn").allSatisfy(a -> assertThat(a % 45.0).isZero());
        assertThat(angles.size()).as("it does turn").isGreaterThan(1);

        robot.interact(() -> busy.set(false));
        assertThat(spinner.isTurning()).isFalse();
        assertThat(spinner.isVisible()).isFalse();
    }

    @Test
    void theTaskBarShowsTheSpinnerForATaskWithoutProgressAndTheBarForOneWithIt(FxRobot robot) {
        ProgressTask task = new ProgressTask();
        robot.interact(() -> running.add(task));
        BusySpinner taskSpinner = robot.from(bar.root()).lookup(".busy-spinner").queryAs(BusySpinner.class);
        ProgressBar progress = robot.from(bar.root()).lookup(".progress-bar").queryAs(ProgressBar.class);
        assertThat(task.getProgress()).isNegative();
        assertThat(taskSpinner.isTurning()).as("no progress known: the stepped mark").isTrue();
        assertThat(progress.isVisible()).as("no indeterminate bar").isFalse();

        robot.interact(() -> task.progress(0.5));
        assertThat(progress.isVisible()).as("progress known: the bar").isTrue();
        assertThat(progress.getProgress()).isEqualTo(0.5);
        assertThat(taskSpinner.isTurning()).isFalse();

        robot.interact(() -> running.clear());
        assertThat(progress.isVisible()).isFalse();
        assertThat(taskSpinner.isTurning()).isFalse();
    }

    /** A task whose progress the test sets (on the FX thread, where Task sets it at once). */
    private static final class ProgressTask extends Task<Void> {
        @Override
        protected Void call() {
            return null;
        }

        void progress(double done) {
            updateProgress(done, 1.0);
        }
    }
}
