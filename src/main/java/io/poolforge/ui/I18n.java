package io.poolforge.ui;

import io.poolforge.i18n.Messages;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

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

    /** The text for {@code key}, following language switches. */
    public StringBinding text(String key, Object... args) {
        Objects.requireNonNull(key);
        return Bindings.createStringBinding(() -> messages.get().get(key, args), messages);
    }
}
