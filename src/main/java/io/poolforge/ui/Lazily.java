package io.poolforge.ui;

import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/** Parts of a view that are hidden at first, built the first time they are to be shown (PF-21). */
public final class Lazily {
    private Lazily() {
    }

    /**
     * A place for the node {@code build} makes, shown (and laid out) only while {@code shown} is true, and built the
     * first time it is: a part that most runs never show (a list of what a failed run left in Azure, say) costs the
     * step's first CSS and layout pass nothing. Built on the FX thread, where {@code shown} changes.
     */
    public static StackPane shownWhen(ObservableBooleanValue shown, Supplier<Node> build) {
        StackPane place = new StackPane();
        place.visibleProperty().bind(shown);
        place.managedProperty().bind(place.visibleProperty());
        Runnable fill = () -> {
            if (shown.get() && place.getChildren().isEmpty()) place.getChildren().add(build.get());
        };
        shown.addListener((o, was, now) -> fill.run());
        fill.run();
        return place;
    }
}
