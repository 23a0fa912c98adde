package io.poolforge.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The look: AtlantaFX Primer light or dark. "System" follows the OS: JavaFX 22+ tells it
 * ({@code Platform.getPreferences().getColorScheme()}, read reflectively since the source builds
 * against JavaFX 21), otherwise the OS is asked once (GNOME's color-scheme, Windows'
 * AppsUseLightTheme, macOS' AppleInterfaceStyle).
 */
public final class Theme {
    public enum Choice { SYSTEM, LIGHT, DARK }

    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(Choice.SYSTEM);
    private final boolean osDark;

    /** @param osDark what {@link #osPrefersDark()} said (asked off the FX thread) */
    public Theme(Choice initial, boolean osDark) {
        this.osDark = osDark;
        choice.set(initial == null ? Choice.SYSTEM : initial);
        choice.addListener((o, a, now) -> apply());
    }

    public ObjectProperty<Choice> choiceProperty() { return choice; }

    public boolean dark() {
        return switch (choice.get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> fxPrefersDark().orElse(osDark);
        };
    }

    /** Sets the user-agent stylesheet (FX thread). */
    public void apply() {
        atlantafx.base.theme.Theme t = dark() ? new PrimerDark() : new PrimerLight();
        // The pre-compiled binary stylesheet AtlantaFX ships: no CSS parsing at start (docs/BENCHMARKS.md).
        // -Dpoolforge.theme.format=css|modena measures the text stylesheet or JavaFX's own theme instead.
        String format = System.getProperty("poolforge.theme.format", "bss");
        if ("modena".equals(format)) Application.setUserAgentStylesheet(Application.STYLESHEET_MODENA);
        else Application.setUserAgentStylesheet("css".equals(format) ? t.getUserAgentStylesheet() : t.getUserAgentStylesheetBSS());
    }

    /** JavaFX 22+: the platform's colour scheme, if this JavaFX knows it. */
    private static java.util.Optional<Boolean> fxPrefersDark() {
        try {
            Object prefs = Platform.class.getMethod("getPreferences").invoke(null);
            Object scheme = prefs.getClass().getMethod("getColorScheme").invoke(prefs);
            return java.util.Optional.of("DARK".equals(String.valueOf(scheme)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return java.util.Optional.empty();
        }
    }

    /** Asks the OS whether it prefers dark (a short command; call off the FX thread). */
    public static boolean osPrefersDark() {
        String forced = System.getProperty("poolforge.osDark");
        if (forced != null) return Boolean.parseBoolean(forced);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) return true;
        if (os.contains("win")) {
            String out = run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme"));
            return out.contains("0x0");
        }
        if (os.contains("mac")) return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("Dark");
        return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("dark");
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) out.append(line).append('\n');
            }
            if (!p.waitFor(2, TimeUnit.SECONDS)) p.destroy();
            return out.toString();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
