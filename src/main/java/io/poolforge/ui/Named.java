package io.poolforge.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Display names for the items of a list the user only picks from (ChoiceBoxes, non-editable ComboBoxes). */
public final class Named {
    private Named() {
    }

    /**
     * A converter that shows each item by {@code name} (null shows as {@code name.apply(null)} where the function allows
     * it, else as ""). Never parsed back: a box that is not editable does not call {@code fromString}; it answers null.
     */
    public static <T> StringConverter<T> by(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                String s = name.apply(item);
                return s == null ? "" : s;
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
