package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.ui.wizard.WizardFrame;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The first window, headless (Monocle): title, icon, step list, navigation, language switch. */
class MainWindowTest extends WindowTest {

    @Test
    void opensWithTitleIconAndTheStepList(FxRobot robot) throws java.util.concurrent.TimeoutException {
        assertThat(stage.getTitle()).isEqualTo("PoolForge");
        // The icon is decoded beside the first frame and set a moment later (DesktopApp.loadIconBeside).
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !stage.getIcons().isEmpty());
        assertThat(stage.getIcons()).hasSize(1);
        assertThat(stage.getIcons().get(0).getWidth()).isEqualTo(256);
        WizardFrame wizard = robot.lookup(".wizard-frame").queryAs(WizardFrame.class);
        assertThat(wizard.stepTitles()).containsExactly(
                "1.  Sign in", "2.  Virtual machine", "3.  Snapshots", "4.  Image", "5.  Pool",
                "6.  Review", "7.  Create and watch");
        assertThat(robot.lookup("#step-signin").queryAs(Label.class).getStyleClass()).contains("current");
        assertThat(robot.lookup("#wizard-back").queryButton().isDisabled()).isTrue();
    }

    @Test
    void nextStaysDisabledUntilABatchAccountIsChosen(FxRobot robot) {
        WizardFrame wizard = robot.lookup(".wizard-frame").queryAs(WizardFrame.class);
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();
        robot.clickOn("#wizard-next");
        assertThat(wizard.currentStep().id()).isEqualTo("signin");
        assertThat(robot.lookup("#try-sandbox").queryButton().getText()).isEqualTo("Try the sandbox");
    }

    @Test
    void switchingLanguageRelabelsTheWindowAtOnce(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ChoiceBox<Locale> language = robot.lookup("#language").queryAs(ChoiceBox.class);
        robot.interact(() -> language.setValue(new Locale("es")));
        WaitForAsyncUtils.waitForFxEvents();
        WizardFrame wizard = robot.lookup(".wizard-frame").queryAs(WizardFrame.class);
        assertThat(wizard.stepTitles()).containsExactly(
                "1.  Iniciar sesión", "2.  Máquina virtual", "3.  Instantáneas", "4.  Imagen", "5.  Grupo",
                "6.  Revisión", "7.  Crear y supervisar");
        assertThat(robot.lookup("#wizard-next").queryButton().getText()).isEqualTo("Siguiente >");
        assertThat(robot.lookup("#try-sandbox").queryButton().getText()).isEqualTo("Probar el espacio aislado");
        // The title bar's boxes name their choice in the new language too (their labels, as drawn).
        assertThat(((Label) robot.lookup("#language").lookup(".label").query()).getText()).isEqualTo("Español");
        javafx.scene.control.ChoiceBox<?> theme = robot.lookup("#theme").queryAs(ChoiceBox.class);
        String expected = switch ((io.poolforge.ui.Theme.Choice) theme.getValue()) {
            case SYSTEM -> "Según el sistema";
            case LIGHT -> "Claro";
            case DARK -> "Oscuro";
        };
        assertThat(((Label) robot.lookup("#theme").lookup(".label").query()).getText()).isEqualTo(expected);
    }

    /**
     * Icons are text in the filled Material font, the only one loaded: Ikonli's FontIcon loaded the Material 2 pack's
     * four fonts (filled, outlined, round, sharp) before the first frame (PF-21 sixth pass, {@link Icons}).
     */
    @Test
    void iconsUseTheFilledMaterialFontAndNoOtherIsLoaded(FxRobot robot) {
        javafx.scene.text.Text icon = (javafx.scene.text.Text) robot.lookup("#page-wizard")
                .queryAs(javafx.scene.control.ToggleButton.class).getGraphic();
        assertThat(icon.getFont().getFamily()).isEqualTo("Material Icons");
        assertThat(icon.getText()).isEqualTo(new String(Character.toChars(org.kordamp.ikonli.material2.Material2AL.ADD_CIRCLE.getCode())));
        assertThat(icon.getFont().getSize()).isEqualTo(Icons.SIZE);
        assertThat(icon.getStyleClass()).contains("ikonli-font-icon");
        assertThat(javafx.scene.text.Font.getFamilies()).contains("Material Icons")
                .noneMatch(f -> f.startsWith("Material Icons ") && !f.equals("Material Icons"));
    }
}
