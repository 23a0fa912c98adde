package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** PF-20: the main window's first size fits the work area of its screen, at every supported size and scale. */
class WindowPlacementTest {

    /** Work areas in JavaFX's logical pixels: a 4K screen at 200 % scale is 1920x1080 logical, minus a 40 px panel. */
    @ParameterizedTest(name = "{0}x{1} work area at ({2},{3})")
    @CsvSource({
            "1280, 800, 0, 0, 1280, 800",       // Xvfb 1280x800, openbox (no panel)
            "1280, 760, 0, 40, 1280, 760",      // with a 40 px top panel
            "1024, 700, 0, 0, 1024, 700",       // the smallest supported screen
            "3840, 2120, 0, 0, 1280, 800",      // 4K at 100 %: the preferred size, centred
            "1920, 1040, 0, 0, 1280, 800",      // 4K at 200 % (logical 1920x1080, minus a panel)
            "1366, 728, 1920, 0, 1280, 728",    // a second screen on the right
    })
    void firstSizeFitsTheWorkArea(double w, double h, double x, double y, double expectW, double expectH) {
        Rectangle2D area = new Rectangle2D(x, y, w, h);
        Rectangle2D b = WindowPlacement.bounds(Optional.empty(), 1280, 800, List.of(area), area);
        assertThat(b.getWidth()).isEqualTo(expectW);
        assertThat(b.getHeight()).isEqualTo(expectH);
        assertThat(area.contains(b)).as("%s inside %s", b, area).isTrue();
    }

    @Test
    void aRememberedPlaceIsUsedAgainWhenItStillFitsAScreen() {
        Rectangle2D area = new Rectangle2D(0, 0, 1920, 1040);
        Rectangle2D saved = new Rectangle2D(300, 120, 1400, 900);
        assertThat(WindowPlacement.bounds(Optional.of(saved), 1280, 800, List.of(area), area)).isEqualTo(saved);
    }

    @Test
    void aRememberedPlaceOnAScreenThatIsGoneFallsBackToThePrimaryScreen() {
        Rectangle2D primary = new Rectangle2D(0, 0, 1280, 800);
        Rectangle2D onUnpluggedScreen = new Rectangle2D(2500, 100, 1400, 900);
        Rectangle2D b = WindowPlacement.bounds(Optional.of(onUnpluggedScreen), 1280, 800, List.of(primary), primary);
        assertThat(primary.contains(b)).isTrue();
        assertThat(b.getWidth()).isEqualTo(1280);
    }

    @Test
    void aRememberedPlaceLargerThanTheScreenNowIsShrunkIntoIt() {
        Rectangle2D small = new Rectangle2D(0, 0, 1024, 700);
        Rectangle2D b = WindowPlacement.bounds(Optional.of(new Rectangle2D(10, 10, 1800, 1000)), 1280, 800, List.of(small), small);
        assertThat(b).isEqualTo(new Rectangle2D(0, 0, 1024, 700));
    }
}
