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

    /** The widest a form's field name gets before it wraps (the smallest supported screen is 1024 px wide). */
    public static final double FIELD_NAME_WIDTH = 220;

    /**
     * A form field's name, in the label column of a form: wraps onto a second line past {@link #FIELD_NAME_WIDTH}, so
     * the longest name in a language ("Tiempo de espera del cambio de tamaño (minutos)") does not make the whole form
     * wider than a 1024-pixel window (SmallScreenWidthTest).
     */
    public static Label fieldName(I18n i18n, String key, String... styleClasses) {
        return fieldName(paragraph(i18n, key, styleClasses));
    }

    /** Sizes {@code l} as a form field's name (see above): for a name whose text is bound to something else than a key. */
    public static Label fieldName(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(FIELD_NAME_WIDTH);
        // As wide as its text up to FIELD_NAME_WIDTH, then two lines: a form short of room takes it from its fields, not
        // from its names (a wrapping label's own minimum is about one letter, and a GridPane short of room squeezed
        // "Tiempo de espera…" to a letter a line, 2026-12-07).
        l.minWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(FIELD_NAME_WIDTH, textWidth(l)),
                l.textProperty(), l.fontProperty()));
        return l;
    }

    /** The width of the label's text on one line, in its font. */
    static double textWidth(Label l) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(l.getText() == null ? "" : l.getText());
        probe.setFont(l.getFont());
        return Math.ceil(probe.getLayoutBounds().getWidth()) + 2;
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

    /** Text that follows both the language and a value. */
    public static ObservableValue<String> format(I18n i18n, String key, ObservableValue<?> value) {
        return Bindings.createStringBinding(() -> i18n.get(key, value.getValue()), i18n.messagesProperty(), value);
    }
}
