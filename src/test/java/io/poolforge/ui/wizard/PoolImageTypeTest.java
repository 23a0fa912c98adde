package io.poolforge.ui.wizard;

import static io.poolforge.ui.wizard.WizardDriver.diff;
import static io.poolforge.ui.wizard.WizardDriver.findings;
import static io.poolforge.ui.wizard.WizardDriver.fx;
import static io.poolforge.ui.wizard.WizardDriver.nextTo;
import static io.poolforge.ui.wizard.WizardDriver.selectVm;
import static io.poolforge.ui.wizard.WizardDriver.signInToSandbox;
import static io.poolforge.ui.wizard.WizardDriver.texts;
import static io.poolforge.ui.wizard.WizardDriver.type;
import static io.poolforge.ui.wizard.WizardDriver.waitFor;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.PoolInfo;
import io.poolforge.sandbox.Sandbox;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * PF-15: the pool step's image type, clicked headless (Monocle) against the sandbox. Switching between Azure Compute
 * Gallery and Marketplace shows the fields of each, the node agent SKU follows the publisher/offer/SKU with its
 * reason, managed images are listed but cannot be chosen, the review says what the pool is made from; a Marketplace
 * pool and a pool on an existing definition's latest version are created in the sandbox from the wizard.
 */
class PoolImageTypeTest extends io.poolforge.ui.WindowTest {

    @Test
    void switchingImageTypesChangesTheFieldsTheNodeAgentAndTheReviewThenMakesAMarketplacePool(FxRobot robot) throws Exception {
        signInToSandbox(robot, context);
        Sandbox sandbox = context.currentSandbox().orElseThrow();
        Map<String, Integer> before = sandbox.counts();
        robot.clickOn("#wizard-next");
        selectVm(robot, "vm-render-ubuntu2204");
        nextTo(robot, context, "snapshot");
        nextTo(robot, context, "image");
        nextTo(robot, context, "pool");

        // Gallery (default): the version this run builds; publisher/offer/SKU prefilled from the VM's Marketplace base.
        assertThat(robot.lookup("#pool-type-gallery").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#pool-type-managed").queryAs(RadioButton.class).isDisabled()).isTrue();
        assertThat(text(robot, "#pool-managed-notice")).contains("31 March 2026").contains("Migrate to a gallery");
        assertThat(text(robot, "#pool-gallery-built")).contains("The version this run builds");
        assertThat(robot.lookup("#pool-gallery-latest").queryAs(CheckBox.class).isVisible()).isFalse();
        assertThat(value(robot, "#pool-publisher")).isEqualTo("canonical");
        assertThat(value(robot, "#pool-offer")).isEqualTo("0001-com-ubuntu-server-jammy");
        assertThat(value(robot, "#pool-sku")).isEqualTo("22_04-lts-gen2");
        assertThat(robot.lookup("#pool-version").query().isVisible()).isFalse();
        assertThat(text(robot, "#pool-base-note")).contains("Prefilled from the VM");
        assertThat(value(robot, "#pool-node-agent")).isEqualTo("batch.node.ubuntu 22.04");
        assertThat(text(robot, "#pool-image")).contains("/galleries/").contains("/versions/");

        // Clicking the managed image does nothing: it is listed, not selectable.
        robot.interact(() -> robot.lookup("#pool-type-managed").queryAs(RadioButton.class).fire());
        assertThat(robot.lookup("#pool-type-gallery").queryAs(RadioButton.class).isSelected()).isTrue();

        // Marketplace: publisher → offer → SKU → version; the node agent follows the chosen image, with the reason.
        robot.clickOn("#pool-type-marketplace");
        assertThat(robot.lookup("#pool-version").query().isVisible()).isTrue();
        assertThat(robot.lookup("#pool-gallery-built").query().isVisible()).isFalse();
        assertThat(robot.lookup("#pool-base-note").query().isVisible()).isFalse();
        assertThat(text(robot, "#pool-image")).isEqualTo("canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest");
        // PF-16 second pass: the generation is the one the sandbox's Compute reports for the image, read in the background.
        waitFor(() -> text(robot, "#pool-image-facts").contains("generation V2"));
        robot.interact(() -> robot.lookup("#pool-offer").queryAs(ComboBox.class).setValue("ubuntu-24_04-lts"));
        waitFor(() -> "server".equals(value(robot, "#pool-sku")) && text(robot, "#pool-image-facts").contains("generation V2"));
        robot.interact(() -> robot.lookup("#pool-offer").queryAs(ComboBox.class).setValue("0001-com-ubuntu-server-jammy"));
        robot.interact(() -> robot.lookup("#pool-publisher").queryAs(ComboBox.class).setValue("microsoftwindowsserver"));
        waitFor(() -> "batch.node.windows amd64".equals(value(robot, "#pool-node-agent")));
        assertThat(value(robot, "#pool-offer")).isEqualTo("windowsserver");
        assertThat(text(robot, "#pool-image")).startsWith("microsoftwindowsserver:windowsserver:");
        assertThat(text(robot, "#pool-image-facts")).contains("Windows");
        // Each type keeps its own choice: the custom image's base is still the VM's, the Marketplace pick comes back.
        robot.clickOn("#pool-type-gallery");
        waitFor(() -> "canonical".equals(value(robot, "#pool-publisher")));
        assertThat(value(robot, "#pool-node-agent")).isEqualTo("batch.node.ubuntu 22.04");
        robot.clickOn("#pool-type-marketplace");
        waitFor(() -> "microsoftwindowsserver".equals(value(robot, "#pool-publisher")));
        assertThat(value(robot, "#pool-node-agent")).isEqualTo("batch.node.windows amd64");
        assertThat(fx(() -> context.wizard().currentStep().id())).isEqualTo("pool");
        // The unverified image says so.
        robot.interact(() -> {
            robot.lookup("#pool-publisher").queryAs(ComboBox.class).setValue("microsoft-dsvm");
        });
        waitFor(() -> text(robot, "#pool-image-facts").contains("Unverified"));
        // No source names the generation Azure reports for it: the sandbox leaves it out, and it is shown as unknown.
        waitFor(() -> text(robot, "#pool-image-facts").contains("generation unknown"));
        assertThat(value(robot, "#pool-node-agent")).isEqualTo("batch.node.el 8");

        // An image past Batch's end of support (Ubuntu 20.04, 30 April 2025) says so and blocks the step.
        robot.interact(() -> {
            robot.lookup("#pool-publisher").queryAs(ComboBox.class).setValue("canonical");
            robot.lookup("#pool-offer").queryAs(ComboBox.class).setValue("0001-com-ubuntu-server-focal");
        });
        waitFor(() -> text(robot, "#pool-image-facts").contains("Batch support ended"));
        waitFor(() -> codes(robot).contains("POOL_MARKETPLACE_IMAGE_END_OF_LIFE"));
        assertThat(value(robot, "#pool-node-agent")).isEqualTo("batch.node.ubuntu 20.04");
        assertThat(fx(() -> context.session().poolProperty().get())).isNull();

        // Back to Ubuntu 22.04 gen 2 and on to the review: a Marketplace pool builds nothing.
        robot.interact(() -> {
            robot.lookup("#pool-publisher").queryAs(ComboBox.class).setValue("canonical");
            robot.lookup("#pool-offer").queryAs(ComboBox.class).setValue("0001-com-ubuntu-server-jammy");
            robot.lookup("#pool-sku").queryAs(ComboBox.class).setValue("22_04-lts-gen2");
        });
        waitFor(() -> "batch.node.ubuntu 22.04".equals(value(robot, "#pool-node-agent")));
        assertThat(text(robot, "#pool-node-agent-why")).contains("node agent SKU Batch lists for canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2");
        TextField id = robot.lookup("#pool-id").queryAs(TextField.class);
        robot.interact(() -> id.setText("market-check"));
        nextTo(robot, context, "review");
        assertThat(texts(robot, "#review-item")).contains("Marketplace, the image canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest")
                .contains("Nothing is built").doesNotContain("Snapshot");
        var plan = plan();
        assertThat(plan.marketplace()).isTrue();
        assertThat(plan.image()).isNull();
        assertThat(plan.pool().marketplaceImage().sku()).isEqualTo("22_04-lts-gen2");

        // Back on the pool step and to the gallery: the review follows.
        robot.clickOn("#wizard-back");
        robot.clickOn("#pool-type-gallery");
        waitFor(() -> text(robot, "#pool-image").contains("/galleries/"));
        robot.clickOn("#pool-type-marketplace");
        nextTo(robot, context, "review");
        assertThat(texts(robot, "#review-item")).contains("Image type: Marketplace");

        nextTo(robot, context, "create");
        robot.clickOn("#create-start");
        waitFor(() -> !robot.lookup("#create-status").queryAs(Label.class).getText().isEmpty()
                || !robot.lookup("#create-error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#create-error").queryAs(Label.class).getText()).isEmpty();
        var account = fx(() -> context.session().account());
        PoolInfo pool = fx(() -> context.session().connection()).batch().getPool(account, "market-check").orElseThrow();
        assertThat(pool.customImageId()).isNull();
        assertThat(pool.imageReference().display()).isEqualToIgnoringCase("canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest");
        assertThat(pool.nodeAgentSkuId()).isEqualTo("batch.node.ubuntu 22.04");
        // Only the pool was created: no snapshot, no image.
        Map<String, Integer> diff = diff(before, sandbox.counts());
        assertThat(diff).containsEntry(type(diff, "pools"), 1).hasSize(1);
    }

    @Test
    void anExistingDefinitionsLatestVersionMakesAPoolOnTheDefinition(FxRobot robot) throws Exception {
        signInToSandbox(robot, context);
        robot.clickOn("#wizard-next");
        robot.clickOn("#vm-from-existing");
        waitFor(() -> !robot.lookup("#vm-existing-image").queryComboBox().getItems().isEmpty());
        robot.interact(() -> {
            var combo = robot.lookup("#vm-existing-image").queryComboBox();
            for (Object o : combo.getItems()) {
                var v = (io.poolforge.domain.GalleryImageVersionInfo) o;
                if (v.image().name().equals("ubuntu2204-render")) combo.getSelectionModel().select(o);
            }
        });
        nextTo(robot, context, "pool");
        // No VM: the base is not known, the user picks it and PoolForge says what the choice decides.
        assertThat(text(robot, "#pool-base-note")).contains("did not come from the Marketplace").contains("unusable");
        CheckBox latest = robot.lookup("#pool-gallery-latest").queryAs(CheckBox.class);
        assertThat(latest.isVisible()).isTrue();
        assertThat(text(robot, "#pool-image")).contains("/versions/1.0.0");
        robot.clickOn("#pool-gallery-latest");
        waitFor(() -> text(robot, "#pool-image").endsWith("/images/ubuntu2204-render"));
        TextField id = robot.lookup("#pool-id").queryAs(TextField.class);
        robot.interact(() -> id.setText("render-on-latest"));
        nextTo(robot, context, "review");
        assertThat(texts(robot, "#review-item")).contains("latest version of an existing definition");
        var plan = plan();
        assertThat(plan.image().gallery().version()).isEqualTo("latest");
        assertThat(plan.pool().imageType()).isEqualTo("gallery");
        nextTo(robot, context, "create");
        robot.clickOn("#create-start");
        waitFor(() -> !robot.lookup("#create-status").queryAs(Label.class).getText().isEmpty()
                || !robot.lookup("#create-error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#create-error").queryAs(Label.class).getText()).isEmpty();
        var account = fx(() -> context.session().account());
        PoolInfo pool = fx(() -> context.session().connection()).batch().getPool(account, "render-on-latest").orElseThrow();
        assertThat(pool.customImageId()).endsWith("/images/ubuntu2204-render").doesNotContain("/versions/");
    }

    @Test
    void theImageStepShowsTheDefinitionIdentifierAndChecksItAgainstTheGallery(FxRobot robot) throws Exception {
        signInToSandbox(robot, context);
        robot.clickOn("#wizard-next");
        selectVm(robot, "vm-render-ubuntu2204");
        nextTo(robot, context, "snapshot");
        // Build in the demo gallery's group and gallery, where ubuntu2204-render is PoolForge/render-ubuntu/22_04-gen2.
        robot.interact(() -> robot.lookup("#snapshot-group").queryAs(TextField.class).setText("rg-images"));
        nextTo(robot, context, "image");
        assertThat(robot.lookup("#image-def-publisher").queryAs(TextField.class).getText()).isEqualTo("PoolForge");
        assertThat(robot.lookup("#image-def-offer").queryAs(TextField.class).getText()).isEqualTo("vm-render-ubuntu2204");
        assertThat(robot.lookup("#image-def-sku").queryAs(TextField.class).getText()).isEqualTo("linux-v2");
        robot.interact(() -> {
            robot.lookup("#image-gallery-name").queryAs(TextField.class).setText("gal_pf_images");
            robot.lookup("#image-definition").queryAs(TextField.class).setText("render-next");
            robot.lookup("#image-def-offer").queryAs(TextField.class).setText("render-ubuntu");
            robot.lookup("#image-def-sku").queryAs(TextField.class).setText("22_04-gen2");
        });
        waitFor(() -> text(robot, "#image-existing-definitions").contains("ubuntu2204-render (PoolForge/render-ubuntu/22_04-gen2)"));
        waitFor(() -> codes(robot).contains("IMAGE_IDENTIFIER_TAKEN"));
        assertThat(fx(() -> context.session().imageProperty().get())).isNull();
        // Azure's naming rules: a SKU cannot end with a period.
        robot.interact(() -> robot.lookup("#image-def-sku").queryAs(TextField.class).setText("22_04-gen2."));
        waitFor(() -> codes(robot).contains("NAME_IMAGE_IDENTIFIER_INVALID"));
        // The definition's own name with another identifier: the run would reuse it, so it is refused too.
        robot.interact(() -> {
            robot.lookup("#image-definition").queryAs(TextField.class).setText("ubuntu2204-render");
            robot.lookup("#image-def-sku").queryAs(TextField.class).setText("22_04-gen2-next");
        });
        waitFor(() -> codes(robot).contains("IMAGE_DEFINITION_DIFFERS"));
        // A new identifier under a new name is fine; a specialized OS state is not (Batch takes generalized images).
        robot.interact(() -> robot.lookup("#image-definition").queryAs(TextField.class).setText("render-next"));
        waitFor(() -> fx(() -> context.session().imageProperty().get()) != null);
        assertThat(fx(() -> context.session().imageProperty().get().definitionSku())).isEqualTo("22_04-gen2-next");
        robot.interact(() -> robot.lookup("#image-os-state").queryAs(ComboBox.class).setValue(io.poolforge.domain.OsState.SPECIALIZED));
        waitFor(() -> codes(robot).contains("IMAGE_SPECIALIZED"));
        assertThat(fx(() -> context.session().imageProperty().get())).isNull();
    }

    private static String codes(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        for (Node list : robot.lookup(".violation-list").queryAll()) {
            if (!list.isVisible() || list.getScene() == null) continue;
            for (Node n : ((Pane) list).getChildren()) sb.append(n.getUserData()).append(' ');
        }
        return sb.toString();
    }

    /** The plan the review writes (ReviewViewModel.plan()). */
    private io.poolforge.plan.Plan plan() throws Exception {
        return fx(() -> {
            var s = context.session();
            return io.poolforge.plan.PlanAssembler.assemble(s.poolProperty().get().poolId(), s.vm(), s.snapshotsProperty().get(),
                    s.imageProperty().get(), s.poolProperty().get(), s.account(), s.imageBaseProperty().get());
        });
    }

    private static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n instanceof Label l ? l.getText() : ((javafx.scene.control.Labeled) n).getText();
    }

    private static String value(FxRobot robot, String id) {
        Object v = robot.lookup(id).queryAs(ComboBox.class).getValue();
        return v == null ? null : v.toString();
    }
}
