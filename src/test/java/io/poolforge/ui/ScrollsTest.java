package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * PF-21: JavaFX's ScrollPane skin draws its viewport through a bitmap cache, re-rendered whole at every change inside;
 * PoolForge's scroll panes (the wizard's step, the inspector, the watch window) draw their content directly. The
 * default is asserted too: if a JavaFX update drops the cache, this test says the workaround can go.
 */
@ExtendWith(ApplicationExtension.class)
class ScrollsTest {
    private ScrollPane ours;
    private ScrollPane plain;
    private ScrollPane nested;

    @Start
    void start(Stage stage) {
        nested = new ScrollPane(new Label("inside"));
        ours = Scrolls.uncached(new ScrollPane(nested));
        plain = new ScrollPane(new Label("plain"));
        stage.setScene(new Scene(new HBox(ours, plain), 400, 200));
        stage.show();
    }

    @Test
    void ourViewportIsDrawnDirectlyAndANestedPanesIsLeftAsItIs(FxRobot robot) {
        robot.interact(() -> {
            assertThat(ours.getSkin()).isNotNull();
            assertThat(Scrolls.viewportCached(ours)).isFalse();
            assertThat(Scrolls.viewportCached(plain)).as("JavaFX's default (ScrollPaneSkin.viewRect.setCache(true))").isTrue();
            assertThat(Scrolls.viewportCached(nested)).as("only the pane it was given").isTrue();
        });
    }

    @Test
    void aNewSkinIsUncachedToo(FxRobot robot) {
        robot.interact(() -> {
            ours.setSkin(new javafx.scene.control.skin.ScrollPaneSkin(ours));
            ours.applyCss();
            assertThat(Scrolls.viewportCached(ours)).isFalse();
        });
    }
}
