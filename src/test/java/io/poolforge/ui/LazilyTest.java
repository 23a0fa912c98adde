package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

/** PF-21 (plain nodes, no controls: no toolkit in this test): a part hidden at first is built the first time it is to be shown, once, and follows its condition after. */
class LazilyTest {
    @Test
    void builtOnceWhenFirstShownThenHiddenAndShownAgain() {
        SimpleBooleanProperty shown = new SimpleBooleanProperty(false);
        AtomicInteger built = new AtomicInteger();
        StackPane place = Lazily.shownWhen(shown, () -> {
            Pane p = new Pane();
            p.setId("left-" + built.incrementAndGet());
            return p;
        });
        assertThat(place.getChildren()).isEmpty();
        assertThat(place.isVisible()).isFalse();
        assertThat(place.isManaged()).isFalse();

        shown.set(true);
        assertThat(built).hasValue(1);
        assertThat(place.isVisible()).isTrue();
        assertThat(place.isManaged()).isTrue();
        assertThat(place.getChildren().get(0).getId()).isEqualTo("left-1");

        shown.set(false);
        assertThat(place.isVisible()).isFalse();
        shown.set(true);
        assertThat(built).as("built once").hasValue(1);
        assertThat(place.getChildren()).hasSize(1);
    }

    @Test
    void shownFromTheStartIsBuiltAtOnce() {
        StackPane place = Lazily.shownWhen(new SimpleBooleanProperty(true), Pane::new);
        assertThat(place.getChildren()).hasSize(1);
    }
}
