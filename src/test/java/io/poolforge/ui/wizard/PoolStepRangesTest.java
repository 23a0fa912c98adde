package io.poolforge.ui.wizard;

import static io.poolforge.ui.wizard.WizardDriver.fx;
import static io.poolforge.ui.wizard.WizardDriver.label;
import static io.poolforge.ui.wizard.WizardDriver.shown;
import static io.poolforge.ui.wizard.WizardDriver.spinnerValue;
import static io.poolforge.ui.wizard.WizardDriver.typeIntoSpinner;
import static io.poolforge.ui.wizard.WizardDriver.nextTo;
import static io.poolforge.ui.wizard.WizardDriver.signInToSandbox;
import static io.poolforge.ui.wizard.WizardDriver.texts;
import static io.poolforge.ui.wizard.WizardDriver.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.AllocationState;
import io.poolforge.domain.PoolInfo;
import java.util.Locale;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * PF-20 (second pass), the pool step as typed into, against the sandbox:
 * <ul>
 *   <li>"typed counts and timeouts are clamped without a word (100000 → 10000, 2 → 5)": a typed value stays as typed, the
 *   field says the allowed range and why (Batch's 5-minute minimum; PoolForge's own 10,000-node and 7-day bounds, said to
 *   be ours), Next is disabled and says a value is out of range; English and Spanish;</li>
 *   <li>"0-node pools are refused although Azure accepts them": 0 dedicated + 0 Spot goes on, the review says the pool has
 *   no nodes until resized, the create page says the first-node check is skipped, and the sandbox makes the empty pool.</li>
 * </ul>
 */
class PoolStepRangesTest extends io.poolforge.ui.WindowTest {

    private void toPoolStep(FxRobot robot, String id) throws Exception {
        signInToSandbox(robot, context);
        robot.clickOn("#wizard-next");
        robot.clickOn("#vm-from-existing");
        waitFor(() -> !robot.lookup("#vm-existing-image").queryComboBox().getItems().isEmpty());
        robot.interact(() -> robot.lookup("#vm-existing-image").queryComboBox().getSelectionModel().select(0));
        nextTo(robot, context, "pool");
        TextField f = robot.lookup("#pool-id").queryAs(TextField.class);
        robot.interact(() -> f.setText(id));
        waitFor(() -> !robot.lookup("#wizard-next").queryButton().isDisabled());
    }

    @Test
    void typedValuesOutOfRangeStayAsTypedAndSayTheRangeAndWhy(FxRobot robot) throws Exception {
        toPoolStep(robot, "typed-pool");
        assertThat(shown(robot, "#pool-dedicated-range")).isFalse();

        typeIntoSpinner(robot, "#pool-dedicated", "100000");
        waitFor(() -> shown(robot, "#pool-dedicated-range"));
        assertThat(spinnerValue(robot, "#pool-dedicated")).as("not clamped to 10,000").isEqualTo(100_000);
        assertThat(fx(() -> context.session().poolProperty().get())).isNull();
        assertThat(label(robot, "#pool-dedicated-range")).contains("100,000 is out of range: type 0 to 10,000")
                .contains("PoolForge's own limit").contains("Nothing was changed");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();
        assertThat(label(robot, "#wizard-blocked")).contains("out of range").contains("under the field");

        // Back in range: the message goes, Next comes back.
        typeIntoSpinner(robot, "#pool-dedicated", "3");
        waitFor(() -> !shown(robot, "#pool-dedicated-range"));
        waitFor(() -> !robot.lookup("#wizard-next").queryButton().isDisabled());

        typeIntoSpinner(robot, "#pool-timeout", "2");
        waitFor(() -> shown(robot, "#pool-timeout-range"));
        assertThat(spinnerValue(robot, "#pool-timeout")).as("not clamped to 5").isEqualTo(2);
        assertThat(label(robot, "#pool-timeout-range")).contains("2 minutes is too short: type 5 to 10,080 minutes")
                .contains("Batch requires at least 5 minutes").contains("The minimum value is 5 minutes");
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();

        typeIntoSpinner(robot, "#pool-timeout", "20000");
        waitFor(() -> label(robot, "#pool-timeout-range").contains("too long"));
        assertThat(spinnerValue(robot, "#pool-timeout")).isEqualTo(20_000);
        assertThat(label(robot, "#pool-timeout-range")).contains("PoolForge's own limit");

        // Letters cannot be typed into a count (only digits); the value in use stays and is shown.
        typeIntoSpinner(robot, "#pool-low-priority", "abc");
        assertThat(spinnerValue(robot, "#pool-low-priority")).isEqualTo(0);

        // In Spanish, the same field message in Spanish.
        robot.interact(() -> context.i18n().setLocale(new Locale("es")));
        assertThat(label(robot, "#pool-timeout-range")).contains("20.000 minutos es demasiado: escriba de 5 a 10.080 minutos").contains("límite propio de PoolForge");
        assertThat(label(robot, "#wizard-blocked")).contains("fuera del intervalo");
    }

    @Test
    void anEmptyPoolGoesOnSaysWhatItMeansAndIsCreated(FxRobot robot) throws Exception {
        toPoolStep(robot, "empty-pool");
        typeIntoSpinner(robot, "#pool-dedicated", "0");
        typeIntoSpinner(robot, "#pool-low-priority", "0");
        waitFor(() -> fx(() -> context.session().poolProperty().get() != null
                && context.session().poolProperty().get().targetDedicatedNodes() == 0));
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isFalse();
        nextTo(robot, context, "review");
        assertThat(texts(robot, "#review-item")).contains("0 dedicated and 0 Spot nodes").contains("no nodes until you resize it")
                .contains("first-node check is skipped");
        nextTo(robot, context, "create");
        waitFor(() -> shown(robot, "#create-first-node-skipped"));
        assertThat(label(robot, "#create-first-node-skipped")).contains("First-node check skipped");
        assertThat(robot.lookup("#create-first-node-option").query().getParent().isVisible())
                .as("no option to prove the image on a node that will not exist").isFalse();
        robot.clickOn("#create-start");
        waitFor(() -> !label(robot, "#create-status").isEmpty() || !label(robot, "#create-error").isEmpty());
        assertThat(label(robot, "#create-error")).isEmpty();
        assertThat(label(robot, "#create-status")).contains("empty-pool").contains("no nodes").doesNotContain("being allocated");
        var account = fx(() -> context.session().account());
        PoolInfo pool = fx(() -> context.session().connection()).batch().getPool(account, "empty-pool").orElseThrow();
        assertThat(pool.targetDedicatedNodes()).isZero();
        assertThat(pool.targetLowPriorityNodes()).isZero();
        assertThat(pool.allocationState()).isEqualTo(AllocationState.STEADY);
    }
}
