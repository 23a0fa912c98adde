package io.poolforge.ui.wizard;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.util.converter.IntegerStringConverter;

/**
 * An editable count (PF-20, second pass): the arrows step within [min, max], but a typed value is kept as typed —
 * JavaFX's IntegerSpinnerValueFactory clamped 100000 to 10000 and 2 to 5 without a word — and the step's model says
 * what is wrong with it, under the field. Only digits can be typed (up to 9, so any typed value is an int); an emptied
 * field shows the value in use again. Used by the image step (planned nodes, replicas) and the pool step (counts,
 * resize timeout).
 */
public final class CountSpinner {
    private CountSpinner() {}

    public static Spinner<Integer> of(String id, int min, int max, IntegerProperty p) {
        SpinnerValueFactory<Integer> f = new SpinnerValueFactory<>() {
            @Override public void decrement(int steps) { step(-steps); }

            @Override public void increment(int steps) { step(steps); }

            private void step(int by) {
                int v = getValue() == null ? min : getValue();
                setValue((int) Math.max(min, Math.min(max, (long) v + by)));
            }
        };
        f.setConverter(new IntegerStringConverter());
        f.setValue(p.get());
        Spinner<Integer> s = new Spinner<>(f);
        s.setId(id);
        s.setEditable(true);
        s.getEditor().setTextFormatter(new TextFormatter<Integer>(c -> c.getControlNewText().matches("\\d{0,9}") ? c : null));
        s.valueProperty().addListener((o, a, b) -> {
            if (b != null) p.set(b);
            else f.setValue(p.get());
        });
        p.addListener((o, a, b) -> f.setValue(b.intValue()));
        return s;
    }

    /**
     * The field and, under it, what is wrong with its value (shown only then), wrapped to {@code maxWidth} and never cut:
     * the message keeps the height its lines need.
     */
    public static javafx.scene.layout.VBox withRange(io.poolforge.ui.I18n i18n, Spinner<Integer> field, String id,
                                                     javafx.beans.property.ObjectProperty<io.poolforge.domain.LocalizedText> range) {
        javafx.scene.control.Label why = new javafx.scene.control.Label();
        why.setId(id);
        why.setWrapText(true);
        why.setMaxWidth(520);
        why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        why.getStyleClass().add("danger");
        why.textProperty().bind(i18n.text(range));
        why.visibleProperty().bind(range.isNotNull());
        why.managedProperty().bind(why.visibleProperty());
        return new javafx.scene.layout.VBox(2, field, why);
    }
}
