package io.poolforge.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.app.AppContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real wizard the way a user does (sign in to the sandbox, pick a VM, go on), for the TestFX walks. */
final class WizardDriver {
    private WizardDriver() {
    }

    /** A label's text. */
    static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Shown on the page: the node and every parent visible (a hidden pane hides what is in it), and laid out. */
    static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        if (n == null || !n.isManaged()) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getScene() != null;
    }

    /**
     * Types into a spinner's editor as a user does (select all, type, Tab commits). Enter commits too, but also presses
     * the wizard's default button (Next) when the committed value is valid, leaving the page.
     */
    static void typeIntoSpinner(FxRobot robot, String id, String typed) {
        javafx.scene.control.Spinner<?> s = robot.lookup(id).queryAs(javafx.scene.control.Spinner.class);
        javafx.scene.control.TextField editor = s.getEditor();
        robot.interact(() -> {
            s.requestFocus();
            editor.selectAll();
        });
        robot.write(typed);
        robot.type(javafx.scene.input.KeyCode.TAB);
    }

    /** A spinner's value. */
    static Integer spinnerValue(FxRobot robot, String id) {
        return (Integer) robot.lookup(id).queryAs(javafx.scene.control.Spinner.class).getValue();
    }

    static void signInToSandbox(FxRobot robot, AppContext context) throws Exception {
        robot.clickOn("#try-sandbox");
        waitFor(() -> context.session().account() != null && !context.session().vmSizes().isEmpty()
                && !context.session().supportedImages().isEmpty());
    }

    static void selectVm(FxRobot robot, String name) throws Exception {
        robot.clickOn("#vm-search").write(name);
        waitFor(() -> robot.lookup("#vm-table").queryTableView().getItems().stream()
                .anyMatch(r -> ((io.poolforge.ui.wizard.vm.VmRow) r).vm().name().equals(name)));
        robot.interact(() -> {
            var table = robot.lookup("#vm-table").queryTableView();
            table.getItems().stream().filter(r -> ((io.poolforge.ui.wizard.vm.VmRow) r).vm().name().equals(name)).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // the full VM (disks, encryption) is read in the background after selection
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void nextTo(FxRobot robot, AppContext context, String step) throws Exception {
        // The image step's checklist (what PoolForge cannot read from Azure) is the user's to confirm.
        robot.interact(() -> robot.lookup(".image-check").queryAllAs(javafx.scene.control.CheckBox.class)
                .forEach(c -> c.setSelected(true)));
        waitFor(() -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        robot.clickOn("#wizard-next");
        assertThat(fx(() -> context.wizard().currentStep().id())).isEqualTo(step);
    }

    static String findings(FxRobot robot) {
        var box = robot.lookup("#vm-findings").queryAs(javafx.scene.layout.VBox.class);
        StringBuilder sb = new StringBuilder();
        for (Object v : box.getChildren().stream().map(Node::getUserData).toList()) {
            var violation = (io.poolforge.domain.rules.Violation) v;
            sb.append(violation.severity() == io.poolforge.domain.rules.Severity.ERROR ? "Error: " : "")
                    .append(violation.args()).append(" [").append(violation.code()).append("]\n");
        }
        return sb.toString();
    }

    static String texts(FxRobot robot, String id) {
        StringBuilder sb = new StringBuilder();
        for (Node n : ((Pane) robot.lookup(id).query()).getChildren()) sb.append(((Label) n).getText()).append('\n');
        return sb.toString();
    }

    static Map<String, Integer> diff(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> d = new HashMap<>();
        after.forEach((k, v) -> {
            int delta = v - before.getOrDefault(k, 0);
            if (delta != 0 && !k.contains("node") && !k.contains("Node")) d.put(k, delta);
        });
        return d;
    }

    static String type(Map<String, Integer> diff, String suffix) {
        return diff.keySet().stream().filter(k -> k.toLowerCase(Locale.ROOT).endsWith(suffix)).findFirst()
                .orElse("<no " + suffix + " in " + diff + ">");
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
    }
}
