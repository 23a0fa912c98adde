package io.poolforge.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.app.AppContext;
import io.poolforge.ui.wizard.vm.VmRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * PF-14: the whole demo, from the start screen to a created pool, with the keyboard only — Tab to
 * move, Space to press, a mnemonic (Alt+S) for the sandbox door, typing in the VM search, the
 * arrow keys in the VM table, Enter for the default button (Next), Esc for the cancel button (Back).
 * No mouse event and no direct call into the view models drives it; the FX thread is only read.
 */
class KeyboardOnlyWizardTest extends io.poolforge.ui.WindowTest {
    private static final String VM = "vm-render-datadisks";


    @Override
    protected AppContext.Options options() {
        return AppContext.Options.tests().withStartScreen(true);
    }

    @Test
    void walksTheWholeDemoWizardByKeyboard(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#start-screen").tryQuery()).isPresent();
        // Every door is reachable by Tab, in reading order, and says what it is to a screen reader.
        List<String> order = tabCycle(robot);
        assertThat(order).containsSubsequence("start-create", "start-inspect", "start-demo");
        // A toggle group is one Tab stop (its selected page); the arrow keys move between its pages.
        assertThat(order).contains("page-start", "theme", "language");
        assertThat(fx(() -> ((Button) stage.getScene().lookup("#start-demo")).getAccessibleText()))
                .contains("sandbox demo").contains("nothing is billed");

        // The sandbox door by its mnemonic.
        robot.press(KeyCode.ALT).press(KeyCode.S).release(KeyCode.S).release(KeyCode.ALT);
        waitFor(() -> context.session().account() != null && !context.session().vmSizes().isEmpty()
                && !context.session().supportedImages().isEmpty());
        assertThat(fx(() -> context.wizard().currentStep().id())).isEqualTo("signin");
        // The band is on screen while connected to the sandbox.
        assertThat(fx(() -> stage.getScene().lookup("#sandbox-band").isVisible())).isTrue();
        assertThat(fx(() -> ((Label) stage.getScene().lookup("#sandbox-band")).getText())).contains("nothing here is real Azure");

        // Next is the default button (Enter), Back the cancel button (Esc).
        assertThat(fx(() -> ((Button) stage.getScene().lookup("#wizard-next")).isDefaultButton())).isTrue();
        assertThat(fx(() -> ((Button) stage.getScene().lookup("#wizard-back")).isCancelButton())).isTrue();
        tabTo(robot, "wizard-next");
        enterTo(robot, "vm");
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> "signin".equals(context.wizard().currentStep().id()));
        tabTo(robot, "wizard-next");
        enterTo(robot, "vm");

        // The VM: typed into the search, then chosen in the table with the arrow keys.
        tabTo(robot, "vm-search");
        robot.write(VM);
        waitFor(() -> table().getItems().size() == 1 && table().getItems().get(0).vm().name().equals(VM));
        tabTo(robot, "vm-table");
        robot.type(KeyCode.HOME);
        if (fx(() -> table().getSelectionModel().getSelectedItem()) == null) robot.type(KeyCode.DOWN);
        waitFor(() -> context.session().vm() != null && context.session().vm().name().equals(VM));

        for (String step : new String[] {"snapshot", "image", "pool", "review", "create"}) {
            if (step.equals("pool")) {
                // The image step's checklist (PF-11): each item needed is ticked with Tab and Space before Next.
                for (String check : new String[] {"image-check-temp-drive", "image-check-data-disks"}) {
                    if (fx(() -> { Node n = stage.getScene().lookup("#" + check); return n != null && n.isVisible(); })) {
                        tabTo(robot, check);
                        robot.type(KeyCode.SPACE);
                    }
                }
            }
            tabTo(robot, "wizard-next");
            enterTo(robot, step);
        }
        // Create: Tab to the start button, Space presses it.
        tabTo(robot, "create-start");
        robot.type(KeyCode.SPACE);
        waitFor(() -> !text("#create-status").isEmpty() || !text("#create-error").isEmpty());
        assertThat(fx(() -> text("#create-error"))).isEmpty();
        assertThat(fx(() -> text("#create-state-pool"))).isEqualTo("Created");
    }

    /** The ids of the controls Tab visits, once round from where the focus is. */
    private List<String> tabCycle(FxRobot robot) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            robot.type(KeyCode.TAB);
            String id = fx(this::focusedId);
            if (!ids.isEmpty() && id != null && id.equals(ids.get(0))) break;
            ids.add(id);
        }
        return ids;
    }

    /** Presses Tab until the control {@code id} has the focus (and fails if Tab never reaches it). */
    private void tabTo(FxRobot robot, String id) throws Exception {
        for (int i = 0; i < 80; i++) {
            if (id.equals(fx(this::focusedId))) return;
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("Tab never reached #" + id + " (stuck at #" + fx(this::focusedId) + ")");
    }

    /** Enter (the default button, Next) once Next is enabled, landing on {@code step}. */
    private void enterTo(FxRobot robot, String step) throws Exception {
        waitFor(() -> !stage.getScene().lookup("#wizard-next").isDisabled());
        robot.type(KeyCode.ENTER);
        waitFor(() -> step.equals(context.wizard().currentStep().id()));
    }

    private String focusedId() {
        Node n = stage.getScene().getFocusOwner();
        while (n != null && n.getId() == null) n = n.getParent();
        return n == null ? null : n.getId();
    }

    @SuppressWarnings("unchecked")
    private TableView<VmRow> table() {
        return (TableView<VmRow>) stage.getScene().lookup("#vm-table");
    }

    private String text(String id) {
        Node n = stage.getScene().lookup(id);
        return n instanceof Label l && l.getText() != null ? l.getText() : "";
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
    }
}
