package io.poolforge.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector as support staff reach it, headless: the real window, "Pool inspector", the
 * sandbox's demo scenario, the pools of the account — the managed-image pool is flagged as a
 * retired pool source, and the pool whose image was deleted says its image is gone.
 */
class InspectorDemoTest extends io.poolforge.ui.WindowTest {

    @Test
    @SuppressWarnings("unchecked")
    void findsTheManagedImagePoolFlaggedOnTheDemoScenario(FxRobot robot) throws Exception {
        robot.clickOn("#page-inspector");
        robot.clickOn("#inspector-try-sandbox");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            TableView<PoolRow> t = robot.lookup("#inspect-pools").queryAs(TableView.class);
            return t != null && t.getItems().size() >= 3 && t.getItems().stream().anyMatch(PoolRow::retiredSource);
        }).get());
        WaitForAsyncUtils.waitForFxEvents();

        TableView<PoolRow> table = robot.lookup("#inspect-pools").queryAs(TableView.class);
        List<Label> flagged = robot.lookup(".retired-source").queryAllAs(Label.class).stream().toList();
        assertThat(flagged).isNotEmpty().allSatisfy(l -> assertThat(l.getText()).isEqualTo("Managed (retired)"));
        PoolRow managed = table.getItems().stream().filter(PoolRow::retiredSource).findFirst().orElseThrow();
        assertThat(managed.imageDisplay()).contains("/Microsoft.Compute/images/");
        PoolRow orphaned = table.getItems().stream().filter(r -> Boolean.FALSE.equals(r.image().exists())).findFirst().orElseThrow();
        assertThat(orphaned.id()).isEqualTo("render-orphaned");
        assertThat(orphaned.pool().resizeErrors()).extracting(e -> e.code()).contains("AllocationFailed");

        robot.interact(() -> table.getSelectionModel().select(managed));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> robot.lookup(".retired-source-text").tryQuery().isPresent()).get());
        assertThat(robot.lookup(".retired-source-text").queryAs(Label.class).getText()).contains("31 March 2026");
        assertThat(robot.lookup("#inspect-migrate").queryButton().isVisible()).isTrue();
    }
}
