package io.poolforge.ui.wizard;

import io.poolforge.ui.I18n;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Small helpers the step views share: localized labels and table columns. */
public final class StepViews {
    private StepViews() {
    }

    /** A short label (form field names, headers): never wraps, never narrower than its text. */
    public static Label label(I18n i18n, String key, String... styleClasses) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /** A sentence or paragraph: wraps to the width it is given. */
    public static Label paragraph(I18n i18n, String key, String... styleClasses) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    public static Label title(I18n i18n, String key) {
        return label(i18n, key, "title-3");
    }

    /** A column whose header follows the language and whose cells show {@code value}. */
    public static <S, T> TableColumn<S, T> column(TableView<S> table, I18n i18n, String headerKey, Function<S, T> value, double width) {
        TableColumn<S, T> c = new TableColumn<>();
        c.textProperty().bind(i18n.text(headerKey));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setId(headerKey);
        io.poolforge.ui.Tables.text(c, row -> {
            Object v = value.apply(row);
            return v == null ? "" : String.valueOf(v);
        }, 0);
        table.getColumns().add(c);
        return c;
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

    /** Text that follows both the language and a value. */
    public static ObservableValue<String> format(I18n i18n, String key, ObservableValue<?> value) {
        return Bindings.createStringBinding(() -> i18n.get(key, value.getValue()), i18n.messagesProperty(), value);
    }
}
