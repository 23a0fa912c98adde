package io.poolforge.ui.wizard;

import static io.poolforge.ui.wizard.WizardDriver.fx;
import static io.poolforge.ui.wizard.WizardDriver.nextTo;
import static io.poolforge.ui.wizard.WizardDriver.selectVm;
import static io.poolforge.ui.wizard.WizardDriver.signInToSandbox;
import static io.poolforge.ui.wizard.WizardDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * PF-20 (second pass): "After a sandbox scenario switch the old watch polls a dead sandbox and says 'Could not reach
 * Azure … (null) … check the network or proxy'". Whatever depended on the old sandbox stops with it: the create page's
 * watch and the watch windows after a finished run, and a run still going (which before went on against the stopped
 * sandbox, failed with connection errors and then watched its pool through the new connection).
 */
class ScenarioSwitchTest extends io.poolforge.ui.WindowTest {

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    /** Shown on the page: the node and every parent visible (a hidden pane hides what is in it), and laid out. */
    private static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        if (n == null || !n.isManaged()) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getScene() != null;
    }

    /** Every label's text in a scene graph. */
    private static List<String> labels(Node root) {
        List<String> out = new ArrayList<>();
        if (root instanceof Label l && l.getText() != null) out.add(l.getText());
        if (root instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) out.addAll(labels(c));
        return out;
    }

    private void switchScenario(FxRobot robot, String scenario) throws Exception {
        Sandbox old = context.currentSandbox().orElseThrow();
        robot.interact(() -> {
            context.signIn().scenarioProperty().set(scenario);
            context.signIn().trySandbox();
        });
        waitFor(() -> context.currentSandbox().orElseThrow() != old && !context.signIn().busyProperty().get()
                && context.session().account() != null);
    }

    private void noWordOfTheDeadSandbox() throws Exception {
        Thread.sleep(1500); // a poll of the old sandbox, had one been left, would have answered by now
        List<String> seen = fx(() -> labels(stage.getScene().getRoot()));
        assertThat(seen).noneMatch(t -> t.contains("(null)") || t.contains("Could not reach"));
    }

    @Test
    void afterAFinishedRunTheWatchAndItsWindowsStopWithTheirSandbox(FxRobot robot) throws Exception {
        signInToSandbox(robot, context);
        robot.clickOn("#wizard-next");
        robot.clickOn("#vm-from-existing");
        waitFor(() -> !robot.lookup("#vm-existing-image").queryComboBox().getItems().isEmpty());
        robot.interact(() -> robot.lookup("#vm-existing-image").queryComboBox().getSelectionModel().select(0));
        nextTo(robot, context, "pool");
        TextField id = robot.lookup("#pool-id").queryAs(TextField.class);
        robot.interact(() -> id.setText("switch-pool"));
        nextTo(robot, context, "review");
        nextTo(robot, context, "create");
        robot.clickOn("#create-start");
        waitFor(() -> text(robot, "#create-status").contains("switch-pool"));
        waitFor(() -> shown(robot, "#watch-title"));
        Stage window = fx(() -> context.openWatchWindow("switch-pool"));

        switchScenario(robot, "empty");
        waitFor(() -> !window.isShowing());
        assertThat(shown(robot, "#create-end")).as("the finished run of the old sandbox is forgotten").isFalse();
        assertThat(shown(robot, "#watch-title")).as("the old pool is no longer watched").isFalse();
        noWordOfTheDeadSandbox();
    }

    @Test
    void aRunGoingWhenTheScenarioChangesStopsAndThePageStartsOver(FxRobot robot) throws Exception {
        signInToSandbox(robot, context);
        Sandbox sandbox = context.currentSandbox().orElseThrow();
        robot.clickOn("#wizard-next");
        selectVm(robot, "vm-render-datadisks");
        nextTo(robot, context, "snapshot");
        nextTo(robot, context, "image");
        nextTo(robot, context, "pool");
        TextField id = robot.lookup("#pool-id").queryAs(TextField.class);
        robot.interact(() -> id.setText("switched-mid-run"));
        nextTo(robot, context, "review");
        nextTo(robot, context, "create");
        // The image version's request answers slowly: the run is still going when the scenario changes.
        sandbox.faults().add("latency=4000:PUT:/versions/:1");
        robot.clickOn("#create-start");
        waitFor(() -> "Working…".equals(text(robot, "#create-state-image-version")));

        switchScenario(robot, "empty");
        waitFor(() -> !fx(() -> context.runInProgress()));
        waitFor(() -> text(robot, "#create-status").contains("stopped"));
        assertThat(text(robot, "#create-status")).contains("switched-mid-run").contains("its sandbox was replaced");
        assertThat(text(robot, "#create-error")).isEmpty();
        assertThat(shown(robot, "#watch-title")).isFalse();
        assertThat(robot.lookup("#create-start").queryButton().isDisabled()).as("a new flow can start").isFalse();
        assertThat(fx(() -> robot.lookup("#create-steps").queryAs(javafx.scene.layout.GridPane.class).getChildren())).isEmpty();
        noWordOfTheDeadSandbox();
    }
}
