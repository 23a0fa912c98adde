package io.poolforge.i18n;

import io.poolforge.domain.LocalizedText;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The visible strings of PoolForge, in one language. Bundles:
 * {@code io/poolforge/i18n/messages.properties} (English, the fallback) and
 * {@code messages_es.properties} (Spanish). Immutable: switching language makes a new instance.
 * Typed arguments are formatted for people (see {@link Formats}): instants in the user's zone with
 * the relative form, durations, sizes, enums by their display name ({@link DisplayNames}), nested
 * {@link LocalizedText} in the same language; numbers get the locale's grouping.
 */
public final class Messages {
    public static final String BUNDLE = "io.poolforge.i18n.messages";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, new Locale("es"));

    private final Locale locale;
    private final ResourceBundle bundle;
    private final Formats formats;

    public Messages(Locale requested) {
        this(requested, ZoneId.systemDefault(), Clock.systemUTC());
    }

    /** Messages whose dates show in {@code zone} and whose relative times count from {@code clock}. */
    public Messages(Locale requested, ZoneId zone, Clock clock) {
        this.locale = supported(requested);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.formats = new Formats(this, zone, clock);
    }

    /** The supported language closest to {@code requested}: Spanish for any es_*, else English. */
    public static Locale supported(Locale requested) {
        if (requested != null && "es".equals(requested.getLanguage())) return SUPPORTED.get(1);
        return Locale.ENGLISH;
    }

    public Locale locale() { return locale; }

    /** Dates, durations, sizes and counts in this language. */
    public Formats formats() { return formats; }

    /** The same language with dates in another zone and relative times from another clock. */
    public Messages withTime(ZoneId zone, Clock clock) { return new Messages(locale, zone, clock); }

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
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) shown[i] = display(args[i]);
        return new MessageFormat(pattern, locale).format(shown);
    }

    /** A {@link LocalizedText} rendered in this language; null renders as the empty string. */
    public String text(LocalizedText t) {
        return t == null ? "" : get(t.key(), t.argsArray());
    }

    /** An enum's display name ("Steady", "Estable"); enums without one in words ("image version"). */
    public String name(Enum<?> e) {
        if (e == null) return "";
        String key = DisplayNames.key(e);
        return key == null ? DisplayNames.words(e) : get(key);
    }

    private Object display(Object a) {
        if (a instanceof Instant t) return formats.dateTime(t);
        if (a instanceof Duration d) return formats.duration(d);
        if (a instanceof java.time.LocalDate d) return formats.date(d);
        if (a instanceof Formats.Size s) return formats.size(s);
        if (a instanceof LocalizedText t) return text(t);
        if (a instanceof Enum<?> e) return name(e);
        return a;
    }
}
