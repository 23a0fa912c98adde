package io.poolforge.i18n;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * Human formats in one language, time zone and clock: dates and times ("Nov 4, 2026, 9:16 PM",
 * with a relative form "3 days ago" / "hace 3 días"), durations ("15 min", "1 h 30 min"), sizes
 * ("30 GiB"), counts with the locale's grouping ("2,000" / "2.000"). Pure and immutable; obtain it
 * from {@link Messages#formats()} so that the words come from the same bundle. The raw value of
 * anything formatted here belongs in a tooltip or in Copy as JSON, never on its own on screen.
 *
 * <p>{@link Messages#get(String, Object...)} applies these formats to typed arguments by itself:
 * an {@link Instant} argument renders as {@link #dateTime}, a {@link Duration} as {@link #duration},
 * a {@link Size} as {@link #size}, an enum with a display name through {@link DisplayNames}, and a
 * nested {@code LocalizedText} is rendered in the same language. So a view model holds a
 * {@code LocalizedText} with typed arguments and the view renders it when (and each time) it shows it.
 */
public final class Formats {
    private final Messages messages;
    private final ZoneId zone;
    private final Clock clock;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    Formats(Messages messages, ZoneId zone, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        Locale locale = messages.locale();
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
    }

    /** A size in bytes, or in GiB, kept apart from plain numbers so that messages format it. */
    public record Size(long bytes) {
        public static Size ofGiB(long gib) { return new Size(gib << 30); }

        public static Size ofMiB(long mib) { return new Size(mib << 20); }
    }

    public ZoneId zone() { return zone; }

    public Clock clock() { return clock; }

    /** Date and time in the user's zone with the relative form: "Nov 4, 2026, 9:16 PM (30 days ago)". */
    public String dateTime(Instant t) {
        if (t == null) return "";
        return messages.get("ui.time.withRelative", dateTime.format(t), relative(t));
    }

    /** Date and time only, in the user's zone and locale. */
    public String absolute(Instant t) { return t == null ? "" : dateTime.format(t); }

    /** The date only, in the user's zone and locale. */
    public String date(Instant t) { return t == null ? "" : date.format(t); }

    /** A calendar date (an end of support), in the user's locale: "Apr 30, 2025" / "30 abr 2025" (PF-20). */
    public String date(java.time.LocalDate d) { return d == null ? "" : date.format(d); }

    /** "just now", "5 min ago", "3 days ago", "in 2 hours"; days up to 45, then months (30 days) and years (365 days). */
    public String relative(Instant t) {
        if (t == null) return "";
        Duration d = Duration.between(t, clock.instant());
        boolean future = d.isNegative();
        long s = Math.abs(d.getSeconds());
        if (s < 45) return messages.get("ui.time.justNow");
        String amount;
        if (s < 3_600) amount = messages.get("ui.time.minutes", Math.max(1, Math.round(s / 60.0)));
        else if (s < 86_400) amount = messages.get("ui.time.hours", Math.round(s / 3_600.0));
        else if (s < 45L * 86_400) amount = messages.get("ui.time.days", Math.round(s / 86_400.0));
        else if (s < 365L * 86_400) amount = messages.get("ui.time.months", Math.round(s / (30.0 * 86_400)));
        else amount = messages.get("ui.time.years", Math.round(s / (365.0 * 86_400)));
        return messages.get(future ? "ui.time.in" : "ui.time.ago", amount);
    }

    /** "45 s", "15 min", "1 h 30 min", "2 d 3 h": the two largest units, no zero tail. */
    public String duration(Duration d) {
        if (d == null) return "";
        long s = Math.abs(d.getSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long seconds = s % 60;
        if (days > 0) return hours == 0 ? messages.get("ui.duration.d", count(days)) : messages.get("ui.duration.dh", count(days), hours);
        if (hours > 0) return minutes == 0 ? messages.get("ui.duration.h", hours) : messages.get("ui.duration.hmin", hours, minutes);
        if (minutes > 0) return messages.get("ui.duration.min", minutes);
        return messages.get("ui.duration.s", seconds);
    }

    /** Binary units as Azure uses them for disks: "512 MiB", "30 GiB", "1.5 TiB" (locale's decimal mark). */
    public String size(Size size) {
        if (size == null) return "";
        double b = size.bytes();
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        NumberFormat nf = NumberFormat.getNumberInstance(messages.locale());
        nf.setMaximumFractionDigits(b < 10 && b != Math.rint(b) ? 1 : 0);
        return messages.get("ui.size", nf.format(b), units[u]);
    }

    /** A count with the locale's grouping: 2,000 (English), 2.000 (Spanish). */
    public String count(long n) {
        return NumberFormat.getIntegerInstance(messages.locale()).format(n);
    }
}
