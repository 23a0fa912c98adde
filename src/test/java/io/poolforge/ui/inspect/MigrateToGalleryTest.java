package io.poolforge.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.PoolInfo;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Migrate to gallery" as support staff use it, headless against the sandbox: the inspector's
 * managed-image pool → confirm → the image is published to a gallery → the wizard opens at the
 * pool step pre-filled for a replacement pool on that gallery image version → it is created.
 */
class MigrateToGalleryTest extends io.poolforge.ui.WindowTest {

    @Test
    @SuppressWarnings("unchecked")
    void migratesTheManagedImagePoolToAGalleryImageAndCreatesTheReplacement(FxRobot robot) throws Exception {
        robot.clickOn("#page-inspector");
        robot.clickOn("#inspector-try-sandbox");
        waitFor(() -> {
            TableView<PoolRow> t = robot.lookup("#inspect-pools").queryAs(TableView.class);
            return t != null && t.getItems().stream().anyMatch(PoolRow::retiredSource);
        });
        TableView<PoolRow> table = robot.lookup("#inspect-pools").queryAs(TableView.class);
        PoolRow managed = table.getItems().stream().filter(PoolRow::retiredSource).findFirst().orElseThrow();
        PoolInfo old = managed.pool();
        robot.interact(() -> table.getSelectionModel().select(managed));
        waitFor(() -> robot.lookup("#inspect-migrate").tryQuery().isPresent());
        robot.clickOn("#inspect-migrate");
        Node ok = robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("OK")).query();
        robot.clickOn(ok);

        waitFor(() -> "pool".equals(context.wizard().currentStep().id())
                && robot.lookup("#pool-id").queryAs(TextField.class).getText().endsWith("-gallery"));
        assertThat(robot.lookup("#pool-id").queryAs(TextField.class).getText()).isEqualTo(old.id() + "-gallery");
        assertThat(robot.lookup("#pool-image").queryAs(Label.class).getText()).contains("/galleries/poolforge_images/");
        waitFor(() -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#create-start");
        waitFor(() -> !robot.lookup("#create-status").queryAs(Label.class).getText().isEmpty()
                || !robot.lookup("#create-error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#create-error").queryAs(Label.class).getText()).isEmpty();
        var c = context.session().connection();
        PoolInfo replacement = c.batch().getPool(context.session().account(), old.id() + "-gallery").orElseThrow();
        assertThat(replacement.customImageId()).contains("/galleries/poolforge_images/");
        assertThat(replacement.vmSize()).isEqualToIgnoringCase(old.vmSize());
        assertThat(replacement.targetDedicatedNodes()).isEqualTo(old.targetDedicatedNodes());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
