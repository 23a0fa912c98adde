package io.poolforge.ui.wizard;

import static io.poolforge.ui.wizard.WizardDriver.fx;
import static io.poolforge.ui.wizard.WizardDriver.label;
import static io.poolforge.ui.wizard.WizardDriver.shown;
import static io.poolforge.ui.wizard.WizardDriver.spinnerValue;
import static io.poolforge.ui.wizard.WizardDriver.typeIntoSpinner;
import static io.poolforge.ui.wizard.WizardDriver.nextTo;
import static io.poolforge.ui.wizard.WizardDriver.selectVm;
import static io.poolforge.ui.wizard.WizardDriver.signInToSandbox;
import static io.poolforge.ui.wizard.WizardDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * PF-20 (second pass), the image step as typed into: "typed counts ... are clamped without a word". Its planned-node and
 * replica counts were JavaFX's clamping spinners (1–10,000 and 1–100): 100000 became 10,000 and 0 replicas became 1
 * silently. Now a typed value stays as typed, the field says the range and whose limit it is, no image plan is made and
 * Next says why; a planned size out of range does not raise the replicas; English and Spanish.
 */
class ImageStepRangesTest extends io.poolforge.ui.WindowTest {

    @Test
    void typedCountsOutOfRangeStayAsTypedAndSayTheRangeAndWhy(FxRobot robot) throws Exception {
        signInToSandbox(robot, context);
        robot.clickOn("#wizard-next");
        selectVm(robot, "vm-render-datadisks");
        nextTo(robot, context, "snapshot");
        nextTo(robot, context, "image");
        robot.interact(() -> robot.lookup(".image-check").queryAllAs(javafx.scene.control.CheckBox.class)
                .forEach(c -> c.setSelected(true)));
        waitFor(() -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        assertThat(shown(robot, "#image-planned-nodes-range")).isFalse();
        int replicasBefore = spinnerValue(robot, "#image-replicas");

        typeIntoSpinner(robot, "#image-planned-nodes", "100000");
        waitFor(() -> shown(robot, "#image-planned-nodes-range"));
        assertThat(spinnerValue(robot, "#image-planned-nodes")).as("not clamped to 10,000").isEqualTo(100_000);
        assertThat(spinnerValue(robot, "#image-replicas")).as("a planned size out of range raises no replica").isEqualTo(replicasBefore);
        assertThat(label(robot, "#image-planned-nodes-range")).contains("100,000 is out of range: type 0 to 10,000")
                .contains("PoolForge's own limit").contains("Nothing was changed");
        assertThat(fx(() -> context.session().imageProperty().get())).as("no image plan from a value out of range").isNull();
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();
        assertThat(label(robot, "#wizard-blocked")).contains("out of range").contains("under the field");

        typeIntoSpinner(robot, "#image-planned-nodes", "600");
        waitFor(() -> !shown(robot, "#image-planned-nodes-range"));
        assertThat(spinnerValue(robot, "#image-replicas")).as("600 nodes need 2 replicas (one per 300)").isEqualTo(Math.max(2, replicasBefore));
        waitFor(() -> !robot.lookup("#wizard-next").queryButton().isDisabled());

        typeIntoSpinner(robot, "#image-replicas", "0");
        waitFor(() -> shown(robot, "#image-replicas-range"));
        assertThat(spinnerValue(robot, "#image-replicas")).as("not clamped to 1").isZero();
        assertThat(label(robot, "#image-replicas-range")).contains("0 is out of range: type 1 to 100")
                .contains("needs a replica in the Batch account's region");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();

        typeIntoSpinner(robot, "#image-replicas", "250");
        waitFor(() -> label(robot, "#image-replicas-range").startsWith("250"));
        assertThat(spinnerValue(robot, "#image-replicas")).as("not clamped to 100").isEqualTo(250);
        assertThat(label(robot, "#image-replicas-range")).contains("PoolForge's own limit");

        robot.interact(() -> context.i18n().setLocale(new Locale("es")));
        assertThat(label(robot, "#image-replicas-range")).contains("250 está fuera del intervalo: escriba de 1 a 100")
                .contains("límite propio de PoolForge");
        // Seen in the window: the Spanish message was cut to one line ("… Al menos 1: la imagen ...").
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ((javafx.scene.text.Text) robot.lookup("#image-replicas-range").query().lookup(".text")).getText()))
                .as("the message is drawn whole, not cut").doesNotContain("…").doesNotContain("...")
                .endsWith("No se ha cambiado nada.");
        assertThat(label(robot, "#wizard-blocked")).contains("fuera del intervalo");

        typeIntoSpinner(robot, "#image-replicas", "3");
        waitFor(() -> !shown(robot, "#image-replicas-range"));
        waitFor(() -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        assertThat(fx(() -> context.session().imageProperty().get().targetRegions().get(0).replicaCount())).isEqualTo(3);
    }
}
