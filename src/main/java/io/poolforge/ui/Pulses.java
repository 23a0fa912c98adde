package io.poolforge.ui;

/** Work on the FX thread spread over pulses (PF-21). */
public final class Pulses {
    private Pulses() {
    }

    /**
     * Runs {@code parts} (each builds a piece of a view and puts it in place) one a pulse, in order, from the second
     * pulse after {@code view} is in a scene (PF-21: the FX thread's longest piece of work was opening the wizard:
     * ~120 ms of building, first CSS pass and layout of the sign-in step in one pulse). The first pulse styles and lays
     * out what the view shows at once; each part is then built, styled and laid out in a pulse of its own (the
     * animation phase of a pulse comes before its CSS and layout), ~17 ms after the one before, before a person can
     * reach it.
     */
    public static void inPulses(javafx.scene.Node view, Runnable... parts) {
        java.util.ArrayDeque<Runnable> left = new java.util.ArrayDeque<>(java.util.List.of(parts));
        if (left.isEmpty()) return;
        // The timer runs (and so asks for pulses) only while the view is in a scene: a view built and not shown costs nothing.
        javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
            private int pulsesInScene;

            @Override
            public void handle(long now) {
                if (view.getScene() == null) {
                    stop();
                    pulsesInScene = 0;
                    whenInScene(view, this::start);
                    return;
                }
                if (++pulsesInScene < 2) return; // the pulse that styles what is shown at once
                left.removeFirst().run();
                if (left.isEmpty()) stop();
            }
        };
        whenInScene(view, timer::start);
    }

    private static void whenInScene(javafx.scene.Node view, Runnable then) {
        if (view.getScene() != null) {
            then.run();
            return;
        }
        view.sceneProperty().addListener(new javafx.beans.value.ChangeListener<javafx.scene.Scene>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene a,
                                javafx.scene.Scene now) {
                if (now == null) return;
                view.sceneProperty().removeListener(this);
                then.run();
            }
        });
    }
}
