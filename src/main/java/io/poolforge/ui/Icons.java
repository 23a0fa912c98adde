package io.poolforge.ui;

import java.net.URL;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.kordamp.ikonli.Ikon;

/**
 * Material icons (Ikonli's Material 2 pack, filled) drawn as text in the one font they are in.
 *
 * <p>Ikonli's own {@code FontIcon} resolves its font through {@code IkonResolver}, whose static initialiser loads the
 * font of every icon handler on the class path: the Material 2 pack registers eight, in four fonts (filled, outlined,
 * round, sharp; ~1 MB), each copied to a temporary file and parsed by JavaFX on the FX thread before the first frame
 * (PF-21 sixth pass, seen with {@code strace}: four {@code /tmp/+JXF*.tmp} files). PoolForge shows only filled icons,
 * so it loads that one font, once, and gives each icon the style class AtlantaFX colours icon glyphs with
 * ({@code ikonli-font-icon}: its rules set {@code -fx-fill} for every state of the control around it).
 */
public final class Icons {
    /** The filled icons' font in the pack's jar (its {@code Material2ALIkonHandler} and {@code Material2MZIkonHandler}). */
    static final String FONT = "/META-INF/resources/material2/20200820/fonts/MaterialIcons.ttf";
    /** AtlantaFX's size for icon glyphs ({@code -fx-icon-size: 18px} on {@code .ikonli-font-icon}). */
    public static final double SIZE = 18;
    private static String family;

    private Icons() { }

    /** The icon at AtlantaFX's icon size. */
    public static Text of(Ikon icon) {
        return of(icon, SIZE);
    }

    /** The icon at {@code size} pixels. */
    public static Text of(Ikon icon, double size) {
        Text t = new Text(new String(Character.toChars(icon.getCode())));
        t.getStyleClass().add("ikonli-font-icon");
        // Inline: the font must win over the font a label or button around it passes down through CSS.
        t.setStyle("-fx-font-family: '" + family() + "'; -fx-font-size: " + size + "px;");
        return t;
    }

    /**
     * Loads the icons' font now. JavaFX reads it from the jar and copies it to a temporary file, so the desktop calls
     * this from {@code Application.init()} (the launcher thread), and the FX thread never does that disk work.
     */
    public static void load() {
        family();
    }

    /** The icons' font family, the font loaded on first use if {@link #load} was not called. */
    static synchronized String family() {
        if (family == null) {
            URL url = Icons.class.getResource(FONT);
            Font f = url == null ? null : Font.loadFont(url.toExternalForm(), SIZE);
            family = f == null ? "Material Icons" : f.getFamily();
        }
        return family;
    }
}
