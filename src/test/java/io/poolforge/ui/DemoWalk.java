package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.app.AppContext;
import io.poolforge.ui.wizard.WizardFrame;
import io.poolforge.ui.wizard.vm.VmRow;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The demo flow driven through the real window's wizard, for the tests that look at its screens. */
final class DemoWalk {
    private DemoWalk() {
    }

    /** Into the sandbox, the VM with data disks chosen, then Next to each of {@code steps} in turn. */
    static void to(FxRobot robot, AppContext context, Stage stage, WizardFrame wizard, String... steps) throws Exception {
        robot.interact(() -> context.signIn().trySandbox());
        waitFor(() -> context.session().account() != null && !context.session().vmSizes().isEmpty());
        next(robot, stage, wizard, "vm");
        waitFor(() -> fx(() -> vmTable(stage).getItems().stream().anyMatch(r -> r.vm().name().equals("vm-render-datadisks"))));
        robot.interact(() -> {
            TableView<VmRow> table = vmTable(stage);
            table.getSelectionModel().select(table.getItems().stream().filter(r -> r.vm().name().equals("vm-render-datadisks"))
                    .findFirst().orElseThrow());
        });
        waitFor(() -> context.session().vm() != null && !context.session().vm().dataDisks().isEmpty());
        for (String id : steps) next(robot, stage, wizard, id);
    }

    /** Ticks the image step's checklist where it shows, waits for Next, goes on, and checks where it landed. */
    static void next(FxRobot robot, Stage stage, WizardFrame wizard, String expected) throws Exception {
        robot.interact(() -> stage.getScene().getRoot().lookupAll(".image-check").forEach(n -> ((CheckBox) n).setSelected(true)));
        waitFor(() -> fx(() -> !stage.getScene().lookup("#wizard-next").isDisabled()));
        robot.interact(wizard::goNext);
        assertThat(fx(() -> wizard.currentStep().id())).isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    static TableView<VmRow> vmTable(Stage stage) {
        return (TableView<VmRow>) stage.getScene().lookup("#vm-table");
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
