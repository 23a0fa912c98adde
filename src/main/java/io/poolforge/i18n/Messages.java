package io.poolforge.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The visible strings of PoolForge, in one language. Bundles:
 * {@code io/poolforge/i18n/messages.properties} (English, the fallback) and
 * {@code messages_es.properties} (Spanish). Immutable: switching language makes a new instance.
 */
public final class Messages {
    public static final String BUNDLE = "io.poolforge.i18n.messages";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, new Locale("es"));

    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale requested) {
        this.locale = supported(requested);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The supported language closest to {@code requested}: Spanish for any es_*, else English. */
    public static Locale supported(Locale requested) {
        if (requested != null && "es".equals(requested.getLanguage())) return SUPPORTED.get(1);
        return Locale.ENGLISH;
    }

    public Locale locale() { return locale; }

    public boolean has(String key) { return bundle.containsKey(key); }

    /** The text for {@code key} with {@code args} filled in; a missing key shows as {@code !key!}. */
    public String get(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args == null || args.length == 0) return pattern.replace("''", "'");
        return new MessageFormat(pattern, locale).format(args);
    }
}
