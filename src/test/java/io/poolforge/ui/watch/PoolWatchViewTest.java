package io.poolforge.ui.watch;

import static io.poolforge.ui.watch.FakeAzure.ALLOCATION_FAILED;
import static io.poolforge.ui.watch.FakeAzure.GALLERY_VERSION;
import static io.poolforge.ui.watch.FakeAzure.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.AllocationState;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.I18n;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The watch on screen, headless: counts, the capped grid, a diagnosis with its actions, then stale after a resize. */
@ExtendWith(ApplicationExtension.class)
class PoolWatchViewTest {
    private final FakeAzure azure = new FakeAzure();
    private PoolWatchViewModel model;

    @Start
    void start(Stage stage) {
        azure.compute.addVersion(GALLERY_VERSION);
        azure.batch.put(pool("pool-w", GALLERY_VERSION, 1500, 1100, AllocationState.STEADY, List.of(ALLOCATION_FAILED)));
        azure.batch.counts.put("pool-w", new NodeCounts("pool-w", Map.of("idle", 1100), Map.of()));
        azure.batch.resizeKeepsOldState = true;
        I18n i18n = new I18n(Locale.ENGLISH);
        model = new PoolWatchViewModel(new CurrentThreadTaskExecutor(), new ManualScheduler(), i18n, e -> io.poolforge.domain.LocalizedText.of("inspect.value.raw", "failed"),
                (t, text) -> true, uri -> { }, PoolRemedies.none(), FakeAzure.CLOCK);
        stage.setScene(new Scene(new ScrollPane(new PoolWatchView(model, i18n).view()), 900, 700));
        stage.show();
        model.watch(azure.connection, azure.account, "pool-w");
    }

    @Test
    void showsCountsGridAndDiagnosisThenStaleAfterAResize(FxRobot robot) {
        assertThat(robot.lookup("#watch-dedicated").queryAs(Label.class).getText()).isEqualTo("Dedicated nodes: 1,100 of 1,500");
        assertThat(robot.lookup("#watch-allocation").queryAs(Label.class).getText()).isEqualTo("Steady");
        assertThat(robot.lookup("#watch-grid").queryAs(NodeGrid.class).squares()).hasSize(NodeStates.GRID_CAP);
        assertThat(robot.lookup("#watch-grid-more").queryAs(Label.class).getText()).isEqualTo("+100 more");
        assertThat(robot.lookup(".diagnosis-stale").tryQuery()).isEmpty();
        Button resize = robot.lookup(".diagnosis-action").queryAllAs(Button.class).stream()
                .filter(b -> "Resize again".equals(b.getText())).findFirst().orElseThrow();

        robot.interact(resize::fire);
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".diagnosis-stale").queryAs(Label.class).getText()).isEqualTo("From an older resize");
        assertThat(robot.lookup("#watch-allocation").queryAs(Label.class).getText()).isEqualTo("Resizing");
        assertThat(azure.batch.resizes).hasSize(1);
    }
}
