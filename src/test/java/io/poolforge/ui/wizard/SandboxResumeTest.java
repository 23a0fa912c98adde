package io.poolforge.ui.wizard;

import static io.poolforge.ui.wizard.WizardDriver.label;
import static io.poolforge.ui.wizard.WizardDriver.shown;
import static io.poolforge.ui.wizard.WizardDriver.diff;
import static io.poolforge.ui.wizard.WizardDriver.fx;
import static io.poolforge.ui.wizard.WizardDriver.nextTo;
import static io.poolforge.ui.wizard.WizardDriver.selectVm;
import static io.poolforge.ui.wizard.WizardDriver.signInToSandbox;
import static io.poolforge.ui.wizard.WizardDriver.type;
import static io.poolforge.ui.wizard.WizardDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.sandbox.Sandbox;
import java.util.Map;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * PF-20 (second pass): "the create page promises that an interrupted run resumes, but a sandbox run is never offered
 * again, so a demo cannot show it" and "interrupted sandbox run not offered again after 'start over'". A run that fails
 * half-way in the sandbox, then a second pool made and "Create another pool": the create page offers the first run again,
 * within the same sandbox session, and resuming it finishes it without creating anything twice. The page's promise says
 * how resuming works in the sandbox.
 */
class SandboxResumeTest extends io.poolforge.ui.WindowTest {
    private static final String VM = "vm-render-datadisks";



    private static void poolId(FxRobot robot, String id) {
        TextField f = robot.lookup("#pool-id").queryAs(TextField.class);
        robot.interact(() -> f.setText(id));
    }

    /** From the VM step: an existing gallery image version (only a pool is created), on to the create page. */
    private void existingImageToCreate(FxRobot robot, String id) throws Exception {
        robot.clickOn("#vm-from-existing");
        waitFor(() -> !robot.lookup("#vm-existing-image").queryComboBox().getItems().isEmpty());
        robot.interact(() -> robot.lookup("#vm-existing-image").queryComboBox().getSelectionModel().select(0));
        nextTo(robot, context, "pool");
        poolId(robot, id);
        nextTo(robot, context, "review");
        nextTo(robot, context, "create");
    }

    @Test
    void anInterruptedSandboxRunIsOfferedAgainAfterCreateAnotherPoolAndResumesWithoutDuplicates(FxRobot robot) throws Exception {
        signInToSandbox(robot, context);
        Sandbox sandbox = context.currentSandbox().orElseThrow();
        Map<String, Integer> before = sandbox.counts();

        // Run A (VM → snapshots → gallery version → pool) fails at the image version: snapshots made, the rest not.
        robot.clickOn("#wizard-next");
        selectVm(robot, VM);
        int dataDisks = fx(() -> context.session().vm().dataDisks().size());
        nextTo(robot, context, "snapshot");
        nextTo(robot, context, "image");
        nextTo(robot, context, "pool");
        poolId(robot, "resume-a");
        nextTo(robot, context, "review");
        nextTo(robot, context, "create");
        // The page's promise is the sandbox's: offered again on this page while PoolForge stays open.
        assertThat(label(robot, "#create-about")).contains("In the sandbox").contains("for as long as PoolForge stays open");
        assertThat(shown(robot, "#create-offer")).as("nothing interrupted yet").isFalse();
        sandbox.faults().add("fail=OperationPreempted:PUT:/versions/:1");
        robot.clickOn("#create-start");
        waitFor(() -> !label(robot, "#create-error").isEmpty());
        assertThat(label(robot, "#create-state-image-version")).isEqualTo("Failed");

        // A second pool, from an existing image (the user went back and chose another way): it is created.
        robot.interact(() -> context.wizard().goTo(context.wizard().stepsInOrder().get(1)));
        existingImageToCreate(robot, "resume-b");
        robot.clickOn("#create-start");
        waitFor(() -> label(robot, "#create-status").contains("resume-b"));
        // When that run ends, the interrupted one is offered on the page.
        waitFor(() -> shown(robot, "#create-offer"));
        assertThat(label(robot, "#create-offer-text")).contains("resume-a").contains("stopped before");

        // "Create another pool" starts over; the interrupted run is still offered (it was lost before PF-20).
        robot.clickOn("#create-another");
        assertThat(fx(() -> context.wizard().currentStep().id())).isEqualTo("vm");
        nextTo(robot, context, "pool");
        poolId(robot, "resume-c");
        nextTo(robot, context, "review");
        nextTo(robot, context, "create");
        waitFor(() -> shown(robot, "#create-offer"));
        assertThat(label(robot, "#create-offer-text")).contains("resume-a");

        // Resume it: run A finishes from its first unfinished step.
        robot.clickOn("#create-offer-resume");
        waitFor(() -> label(robot, "#create-status").contains("resume-a"));
        assertThat(label(robot, "#create-error")).isEmpty();
        assertThat(label(robot, "#create-state-snapshot-os")).isIn("Created", "Already there, reused");
        var account = fx(() -> context.session().account());
        var batch = fx(() -> context.session().connection()).batch();
        assertThat(batch.getPool(account, "resume-a")).isPresent();
        assertThat(batch.getPool(account, "resume-b")).isPresent();
        assertThat(batch.getPool(account, "resume-c")).as("resume-c was never started").isEmpty();
        Map<String, Integer> diff = diff(before, sandbox.counts());
        assertThat(diff).containsEntry(type(diff, "snapshots"), 1 + dataDisks)
                .containsEntry(type(diff, "versions"), 1)
                .containsEntry(type(diff, "pools"), 2);
        // Nothing interrupted is left to offer.
        waitFor(() -> !shown(robot, "#create-offer"));
    }

}
