package io.poolforge.ui;

import io.poolforge.domain.LocalizedText;
import io.poolforge.i18n.Formats;
import io.poolforge.i18n.Messages;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The UI's current language as an observable: views bind their texts to it, so switching the
 * language relabels every open screen at once. FX thread only.
 */
public final class I18n {
    private final ObjectProperty<Messages> messages;

    public I18n(Locale initial) {
        this.messages = new SimpleObjectProperty<>(new Messages(initial));
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() { return messages; }

    public Messages messages() { return messages.get(); }

    public Locale locale() { return messages.get().locale(); }

    public void setLocale(Locale locale) {
        Locale wanted = Messages.supported(locale);
        if (!wanted.equals(locale())) messages.set(new Messages(wanted));
    }

    /** The text for {@code key} now. */
    public String get(String key, Object... args) { return messages.get().get(key, args); }

    /** A localizable text rendered now (for a cell that re-renders on a switch, a tooltip, a dialog). */
    public String get(LocalizedText t) { return messages.get().text(t); }

    /** An enum's display name now. */
    public String name(Enum<?> e) { return messages.get().name(e); }

    /** Dates, durations, sizes and counts in the current language. */
    public Formats formats() { return messages.get().formats(); }

    /**
     * The rendering of a view model's {@link LocalizedText}, following both the text and the language:
     * bind a label to it and no string outlives a switch. A null text renders as "".
     */
    public StringBinding text(ObservableValue<? extends LocalizedText> value) {
        Objects.requireNonNull(value);
        return Bindings.createStringBinding(() -> messages.get().text(value.getValue()), messages, value);
    }

    /** The text for {@code key}, following language switches. */
    public StringBinding text(String key, Object... args) {
        Objects.requireNonNull(key);
        return Bindings.createStringBinding(() -> messages.get().get(key, args), messages);
    }
}
